// A fault-injecting proxy in front of a real mock gateway, for the outbox fault test (issue 17,
// test/outbox-faults.test.ts). The gateway is the built one (packages/cli/dist), with the
// sample catalogue and its synthetic applicants; its submission checks are off (the test
// sends transport-level submissions, not filled forms), its idempotency handling is its own.
// Each `POST /submissions` through the proxy takes the next planned fault:
//   ok            passed through
//   drop-before   the connection breaks before the gateway sees anything
//   drop-after    the gateway takes the submission, its reply is lost (the connection breaks)
//   5xx-before    503 from the proxy; the gateway never sees it
//   5xx-after     the gateway takes it, the client gets a 500 instead of its 201
//   hold-before   no answer ever (the client times out, or its tab is closed); nothing forwarded
//   hold-after    the gateway takes it, no answer ever reaches the client
// The test page plans faults and reads the gateway's submissions on its own origin:
//   GET /__faults/plan?faults=kind,kind…  → {} (appended to the plan)
//   GET /__faults/held?count=n            → {} once n requests in all have been held (hold-*)
//   GET /__faults/state                   → { url, token, subject, stored: [idempotencyKey…], pending: n }
import { Buffer } from 'node:buffer';
import { createServer, request } from 'node:http';
import { fileURLToPath, URLSearchParams } from 'node:url';

const SUBJECT = '430102199003150311';

async function startGateway() {
  const { startGateway } = await import('../packages/cli/dist/gateway.js');
  const { loadCatalogueFrom, loadFixturesFrom } = await import('../packages/core/dist/node.js');
  const load = await loadCatalogueFrom(fileURLToPath(new URL('../schemas/catalogue', import.meta.url)));
  const fixtures = await loadFixturesFrom(
    fileURLToPath(new URL('../schemas/catalogue/fixtures.json', import.meta.url)),
    load.catalogue,
  );
  if (!load.ok || !fixtures.fixtures) throw new Error('fault-proxy: the sample catalogue does not load');
  return startGateway({ catalogue: load.catalogue, fixtures: fixtures.fixtures, checks: [] });
}

/** Bytes that are no HTTP response: the client sees a network error, and does not retry on its own. */
function breakConnection(req) {
  req.socket.end('FAULT\r\n\r\n');
}

function corsHeaders(req) {
  const origin = req.headers.origin;
  return origin
    ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' }
    : {};
}

export function faultProxy() {
  let gateway;
  let proxy;
  let url;
  /** The faults the next submissions get, in order; `ok` when none is left. */
  const faults = [];
  /** Sockets held open (hold-*), how many were held in all, and who waits for a count. */
  const held = new Set();
  let heldTotal = 0;
  const waiting = [];

  /** Sends `req` on to the gateway; resolves with its status, headers and body, read in full. */
  function forward(req, body) {
    const target = new URL(gateway.url);
    return new Promise((resolve, reject) => {
      const out = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }

  function hold(req) {
    held.add(req.socket);
    req.socket.once('close', () => held.delete(req.socket));
    heldTotal++;
    for (const waiter of waiting.splice(0)) {
      if (heldTotal >= waiter.count) waiter.resolve();
      else waiting.push(waiter);
    }
  }

  async function handle(req, res) {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    const isSubmission = req.method === 'POST' && new URL(req.url, 'http://proxy').pathname === '/submissions';
    const fault = isSubmission ? (faults.shift() ?? 'ok') : 'ok';
    if (fault === 'drop-before') return breakConnection(req);
    if (fault === 'hold-before') return hold(req);
    if (fault === '5xx-before') {
      res.writeHead(503, { 'Content-Type': 'application/json', ...corsHeaders(req) });
      return res.end('{"errors":[]}');
    }
    const answer = await forward(req, body);
    if (fault === 'drop-after') return breakConnection(req);
    if (fault === 'hold-after') return hold(req);
    if (fault === '5xx-after') {
      res.writeHead(500, { 'Content-Type': 'application/json', ...corsHeaders(req) });
      return res.end('{"errors":[]}');
    }
    const { 'transfer-encoding': _chunked, connection: _connection, ...headers } = answer.headers;
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  return {
    name: 'fault-proxy',
    async serverStart() {
      gateway = await startGateway();
      proxy = createServer((req, res) => {
        handle(req, res).catch(() => breakConnection(req));
      });
      await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${proxy.address().port}`;
    },
    async serverStop() {
      for (const socket of held) socket.destroy();
      proxy?.closeAllConnections();
      await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve()));
      await gateway?.close();
    },
    async serve(context) {
      if (!context.path.startsWith('/__faults') || !gateway) return undefined;
      const query = new URLSearchParams(context.querystring);
      if (context.path === '/__faults/plan') {
        faults.push(...(query.get('faults') ?? '').split(',').filter(Boolean));
        return { body: '{}', type: 'json' };
      }
      if (context.path === '/__faults/held') {
        const count = Number(query.get('count'));
        if (heldTotal < count) await new Promise((resolve) => waiting.push({ count, resolve }));
        return { body: '{}', type: 'json' };
      }
      if (context.path === '/__faults/state') {
        return {
          body: JSON.stringify({
            url,
            subject: SUBJECT,
            token: `demo:${SUBJECT}`,
            stored: gateway.submissions.map((s) => s.submission.idempotencyKey),
            pending: faults.length,
          }),
          type: 'json',
        };
      }
      return undefined;
    },
  };
}
