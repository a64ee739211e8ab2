// The department site and the designer under Trusted Types, in Debian's Chromium: the real
// `matterform serve` behind a loopback proxy that sends each page with
// `require-trusted-types-for 'script'` (and a report-uri), as a department's server would. A
// person applies in English from the first paint to the acknowledgement, follows the case, and
// a form designer opens the catalogue and a matter: dist/matterform.js, its lazy chunks and the
// designer's bundle run with no violation. Needs `npm run build`.
import { createServer, request, type Server } from 'node:http';
import { expect } from 'chai';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, startDemo, waitForPrefill, type Demo } from '../scripts/demo-browser.mjs';
import { completeResidencePermit, inShadow } from './form-page.test-helpers.js';

const APPLICANT_A = '430102199003150311';
const REFERENCE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;

/**
 * lit-html makes one policy, `lit-html`, for its own template strings: the only policy the
 * form's pages need, so it is the only one they allow (no `default`, which would let any
 * string through every sink).
 */
const FORM_POLICY = "require-trusted-types-for 'script'; trusted-types lit-html; report-uri /__csp-reports";
/**
 * The designer compiles each document it checks with ajv (`new Function`, the `Function`
 * sink, what 'unsafe-eval' allows without Trusted Types): its page adds a `default` policy
 * that lets that sink through and no other (examples in packages/elements/README.md).
 */
const DESIGNER_POLICY = "require-trusted-types-for 'script'; trusted-types lit-html default; report-uri /__csp-reports";
const EVAL_ONLY_DEFAULT = `trustedTypes.createPolicy('default', {
  createScript: (code, type, sink) => (sink === 'Function' ? code : null),
});`;

interface Proxy {
  url: string;
  /** The `csp-report` bodies the browser posted to the report-uri. */
  reports: { 'effective-directive': string; 'script-sample'?: string; 'source-file'?: string }[];
  close(): Promise<void>;
}

/**
 * Forwards everything to the demo; HTML pages get the header `policyFor(path)` names, and the
 * designer's page a first script making the eval-only default policy. POST /__csp-reports
 * collects the reports.
 */
async function startProxy(target: string): Promise<Proxy> {
  const upstream = new URL(target);
  const reports: Proxy['reports'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/__csp-reports' && req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        reports.push((JSON.parse(body) as { 'csp-report': Proxy['reports'][0] })['csp-report']);
        res.writeHead(204).end();
      });
      return;
    }
    if (path === '/__tt/eval-only-default.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(EVAL_ONLY_DEFAULT);
      return;
    }
    const designer = path.startsWith('/designer/');
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: req.headers },
      (answer) => {
        const headers = { ...answer.headers };
        if (!String(headers['content-type']).startsWith('text/html')) {
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          return;
        }
        let html = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => (html += chunk));
        answer.on('end', () => {
          // A classic script runs before the page's modules: the policy exists before ajv runs.
          if (designer) html = html.replace('<script', '<script src="/__tt/eval-only-default.js"></script><script');
          delete headers['content-length'];
          headers['content-security-policy'] = designer ? DESIGNER_POLICY : FORM_POLICY;
          res.writeHead(answer.statusCode ?? 502, headers).end(html);
        });
      },
    );
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    reports,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('the department site and the designer under Trusted Types', function () {
  this.timeout(90000);
  let demo: Demo;
  let proxy: Proxy;
  let browser: Browser;

  before(async () => {
    demo = await startDemo();
    proxy = await startProxy(demo.url);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await proxy?.close();
    await demo?.close();
  });

  /** A page in a context of its own, its `securitypolicyviolation` events and errors recorded. */
  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.createBrowserContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    page.on('console', (message) => {
      const noData =
        (message.location().url?.startsWith(`${proxy.url}/api/sources/`) && /\b(404|503)\b/.test(message.text())) ||
        // The designer's page names no icon; Chromium asks for one anyway.
        message.location().url === `${proxy.url}/favicon.ico`;
      if (message.type() === 'error' && !noData) errors.push(`${message.text()} ${message.location().url}`);
    });
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__violations', { value: seen });
      document.addEventListener(
        'securitypolicyviolation',
        (event) => seen.push(`${event.effectiveDirective} ${event.sample}`),
        true,
      );
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${proxy.url}${path}`, { waitUntil: 'load' });
    return { page, errors };
  }

  /**
   * The violations `page` saw, after one on purpose (a string given to innerHTML) has come back
   * by event and by report: the policy was in force and its reports reached the endpoint, so an
   * empty answer means none happened.
   */
  async function violations(page: Page): Promise<{ events: string[]; reports: string[] }> {
    const before = proxy.reports.length;
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<i>canary</i>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    expect(refused, 'innerHTML took a string: the policy is not in force').to.equal(true);
    const deadline = Date.now() + 10000;
    while (!proxy.reports.slice(before).some((r) => r['script-sample']?.includes('canary'))) {
      if (Date.now() > deadline) throw new Error('the canary’s report never came');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const events = (await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).filter(
      (v) => !v.includes('canary'),
    );
    const reports = proxy.reports
      .splice(0)
      .filter((r) => !r['script-sample']?.includes('canary'))
      .map((r) => `${r['effective-directive']} ${r['script-sample'] ?? ''} ${r['source-file'] ?? ''}`);
    return { events, reports };
  }

  it('applicant A applies in English, from the first paint to the acknowledgement, with no violation', async () => {
    const { page, errors } = await open(`/?matter=residence-permit&subject=${APPLICANT_A}&lang=en`);
    await waitForPrefill(page);
    await completeResidencePermit(page, '2024-03-01', { lang: 'en', form: '#form' });
    await page.waitForFunction(() => document.getElementById('result-panel')?.hidden === false, { timeout: 15000 });
    expect(await page.$eval('#reference', (r) => r.textContent ?? '')).to.match(REFERENCE);
    const confirmation = await page.$eval('#form', (form) =>
      (form.shadowRoot?.querySelector('[part~="confirmation"]')?.textContent ?? '').replace(/\s+/g, ' '),
    );
    expect(confirmation).to.contain('Application submitted');
    // The confirmation's own tracker (<matter-status>) follows the case.
    await inShadow(page, '#case-status', '[part~="case-status"]');

    // The work of every stage came in chunks, loaded under the policy.
    const chunks = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.startsWith('/chunks/'))
        .map((path) => path.replace(/^\/chunks\/|-[\w-]{8}\.js$/g, '')),
    );
    expect(chunks).to.include.members([
      'english',
      'prefill-work',
      'materials-view',
      'submit-work',
      'outbox',
      'status-work',
    ]);
    expect(errors).to.deep.equal([]);
    expect(await violations(page)).to.deep.equal({ events: [], reports: [] });
  });

  it('lists the case under My applications (<matter-status>) with no violation', async () => {
    const { page, errors } = await open(`/?matter=residence-permit&subject=${APPLICANT_A}`);
    await waitForPrefill(page);
    await completeResidencePermit(page, '2024-03-01', { lang: 'zh-CN', form: '#form' });
    await page.waitForFunction(() => document.getElementById('result-panel')?.hidden === false, { timeout: 15000 });
    const reference = await page.$eval('#reference', (r) => r.textContent ?? '');
    await Promise.all([page.waitForNavigation(), page.$eval('a.topbar-link', (a) => (a as HTMLAnchorElement).click())]);
    const listed = await inShadow(page, '#applications', '[part~="reference"]');
    expect(await listed.evaluate((r) => r.textContent?.trim())).to.equal(reference);
    expect(errors).to.deep.equal([]);
    expect(await violations(page)).to.deep.equal({ events: [], reports: [] });
  });

  it('opens the catalogue (<matter-catalogue>) and a matter in <matter-designer>, its preview drawn, with no violation', async () => {
    const { page, errors } = await open('/designer/');
    await page.waitForSelector('#catalogue >>> tr[data-id="residence-permit"] th button', { timeout: 60000 });
    await page.click('#catalogue >>> tr[data-id="residence-permit"] th button');
    // The preview is the designer's own <matter-form>, checked with validators ajv compiled.
    await page.waitForFunction(
      () => {
        // Through every shadow root, by a stack (a function declared in here would need a
        // helper the test's compiler adds and the page lacks).
        const roots: (Document | ShadowRoot)[] = [document];
        for (let root = roots.pop(); root; root = roots.pop()) {
          const form = root.querySelector('matter-form');
          const heading = form?.shadowRoot?.querySelector('[part~="step-heading"]')?.textContent;
          if (heading) return heading;
          for (const host of root.querySelectorAll('*')) if (host.shadowRoot) roots.push(host.shadowRoot);
        }
        return undefined;
      },
      { timeout: 30000 },
    );
    expect(errors).to.deep.equal([]);
    expect(await violations(page)).to.deep.equal({ events: [], reports: [] });
  });

  it('says csp-blocked when a form has no validator, ajv’s compiling refused as the one violation', async () => {
    const { page, errors } = await open(`/?matter=residence-permit&subject=${APPLICANT_A}`);
    await waitForPrefill(page);
    const said = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const form = document.createElement('matter-form');
          form.addEventListener('matter-error', (event) =>
            resolve((event as CustomEvent<{ code: string }>).detail.code),
          );
          form.addEventListener('matter-ready', () => resolve('ready'));
          form.schema = { type: 'object', properties: { name: { type: 'string', title: 'Name' } } };
          document.body.append(form);
        }),
    );
    expect(said).to.equal('csp-blocked');
    // Chromium logs the refusal; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('TrustedScript') && !e.includes('Function constructor'))).to.deep.equal([]);
    const { events, reports } = await violations(page);
    expect(events).to.have.length(1);
    expect(events[0]).to.match(/^require-trusted-types-for Function\|/);
    expect(reports).to.have.length(1);
  });
});
