import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { expect } from 'chai';
import { verifySubmission, type Catalogue, type Fixtures, type Submission } from '@matterform/core';
import { loadCatalogueFrom, loadFixturesFrom } from '@matterform/core/node';
import { caseAnswer } from './case-timeline.js';
import { MAX_JSON_DEPTH, startGateway, type GatewayOptions, type RunningGateway } from './gateway.js';

const repo = new URL('../../../', import.meta.url);
let catalogue: Catalogue;
let fixtures: Fixtures;

before(async () => {
  const load = await loadCatalogueFrom(new URL('schemas/catalogue', repo).pathname);
  if (!load.ok) throw new Error('the sample catalogue does not load');
  catalogue = load.catalogue;
  const check = await loadFixturesFrom(new URL('schemas/catalogue/fixtures.json', repo).pathname, catalogue);
  if (!check.fixtures) throw new Error('the sample fixtures do not load');
  fixtures = check.fixtures;
});

// Synthetic subjects of schemas/catalogue/fixtures.json.
const A = '430102199003150311'; // everything connected
const B = '430103198507220469'; // lawyer; driving licence expired 2026-06-30
const C = '430624199411080151'; // social insurance answers 503
const D = '430104200305200829'; // population register 800 ms late; no social insurance record
const COMPANY = '91430100329458172U';

let gateway: RunningGateway | undefined;
let lines: string[] = [];

async function start(options: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  lines = [];
  gateway = await startGateway({ catalogue, fixtures, log: (line) => lines.push(line), ...options });
  return gateway;
}

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const bearer = (id: string) => ({ Authorization: `Bearer demo:${id}` });

async function call(
  path: string,
  init: RequestInit & { as?: string } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const { as, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (as) headers.set('Authorization', `Bearer demo:${as}`);
  const response = await fetch(`${(gateway as RunningGateway).url}${path}`, { ...rest, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body, headers: response.headers };
}

function askSource(as: string, id: string, concepts: string[], extra: Record<string, unknown> = {}) {
  return call(`/sources/${id}`, {
    as,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ concepts, purpose: 'residence-permit', ...extra }),
  });
}

/**
 * Checks a signature with the core's verifier, as a back office holding the gateway's key would,
 * at `now`: pass the clock the gateway was given, or its signatures expire with the calendar.
 */
async function verifies(
  subjectId: string,
  concept: string,
  value: unknown,
  fetchedAt: string,
  signature: string,
  now = new Date(),
) {
  const kind = subjectId === COMPANY ? 'organization' : 'person';
  const result = await verifySubmission(
    {
      subject: { kind, id: subjectId },
      data: { v: value },
      provenance: { '/v': { provider: 'source:x', fetchedAt, locked: true, signature } },
    },
    {
      keys: { [(gateway as RunningGateway).keyId]: (gateway as RunningGateway).secret },
      matter: { schema: { type: 'object', properties: { v: { 'x-concept': concept } } } },
      now,
    },
  );
  return result.ok;
}

describe('mock gateway: sign-in', () => {
  it('takes the subject from a bearer token or the session cookie', async () => {
    await start();
    expect((await call('/subject', { as: A })).body).to.deep.equal({ kind: 'person', id: A });
    const cookie = await call('/subject', { headers: { Cookie: `theme=dark; matterform_session=demo:${B}` } });
    expect(cookie.body).to.deep.equal({ kind: 'person', id: B });
    expect((await call('/subject', { as: COMPANY })).body).to.deep.equal({
      kind: 'organization',
      id: COMPANY,
      actor: { id: '43011119780130057X', name: '赵志强' },
    });
  });

  it('answers 401 without a login, with a bad token, and never falls back from a bad token to the cookie', async () => {
    await start();
    const attempts: HeadersInit[] = [
      {},
      { Authorization: 'Bearer demo:110101199001010000' },
      { Authorization: `Basic demo:${A}` },
      { Authorization: `Bearer ${A}` },
      { Cookie: `matterform_session=${A}` },
      { Authorization: 'Bearer nobody', Cookie: `matterform_session=demo:${A}` },
    ];
    for (const headers of attempts) {
      const answer = await call('/subject', { headers });
      expect(answer.status, JSON.stringify(headers)).to.equal(401);
      expect(answer.body).to.have.property('error').that.is.a('string');
    }
    expect((await call('/licences?purpose=residence-permit')).status).to.equal(401);
    expect(gateway?.audit.map((e) => [e.subject, e.status])).to.deep.equal(
      new Array(attempts.length + 1).fill([null, 401]),
    );
  });

  it('takes the subject from the login, never from the body', async () => {
    await start();
    const answer = await askSource(A, 'mps-population', ['person.name'], { subject: { kind: 'person', id: B } });
    expect(answer.body).to.have.nested.property('values.person\\.name', '李思远');
  });
});

describe('mock gateway: CORS', () => {
  it('answers every route’s preflight, echoing a loopback origin with credentials', async () => {
    await start();
    for (const path of ['/subject', '/sources/mps-population', '/submissions', '/licences']) {
      const answer = await fetch(`${gateway?.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:8000',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
        },
      });
      expect(answer.status).to.equal(204);
      expect(answer.headers.get('access-control-allow-origin')).to.equal('http://localhost:8000');
      expect(answer.headers.get('access-control-allow-credentials')).to.equal('true');
      expect(answer.headers.get('access-control-allow-headers')).to.equal(
        'Authorization, Content-Type, Idempotency-Key',
      );
      expect(answer.headers.get('access-control-allow-methods')).to.contain('POST');
      expect(answer.headers.get('vary')).to.equal('Origin');
    }
    for (const origin of ['http://127.0.0.1:5173', 'http://[::1]:3000', 'http://localhost', 'https://localhost:8443']) {
      const actual = await call('/subject', { as: A, headers: { Origin: origin } });
      expect(actual.headers.get('access-control-allow-origin'), origin).to.equal(origin);
      expect(actual.headers.get('access-control-allow-credentials'), origin).to.equal('true');
    }
    expect(gateway?.audit).to.have.length(4);
  });

  it('gives a page of any other origin no CORS headers, so its browser keeps the answer from it', async () => {
    await start();
    const foreign = [
      'https://dept.example',
      'http://localhost.evil.example',
      'http://127.0.0.1.nip.io:8000',
      'http://127.0.0.2:8000',
      'http://localhost:8000/path',
      'null',
    ];
    for (const origin of foreign) {
      const preflight = await fetch(`${gateway?.url}/subject`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.headers.get('access-control-allow-origin'), origin).to.equal(null);
      expect(preflight.headers.get('access-control-allow-credentials'), origin).to.equal(null);
      expect(preflight.headers.get('access-control-allow-methods'), origin).to.equal(null);
      const subjects = await call('/__mock/subjects', { headers: { Origin: origin } });
      expect(subjects.headers.get('access-control-allow-origin'), origin).to.equal(null);
      expect(subjects.headers.get('access-control-allow-credentials'), origin).to.equal(null);
    }
  });
});

describe('mock gateway: sources', () => {
  it('returns only the concepts asked that the source provides, each signed', async () => {
    const at = new Date('2026-11-26T10:00:00.123Z');
    await start({ now: () => at });
    const answer = await askSource(A, 'mps-population', ['person.name', 'person.gender', 'person.mobile']);
    expect(answer.status).to.equal(200);
    const body = answer.body as { values: Record<string, unknown>; signatures: Record<string, string> };
    expect(body.values).to.deep.equal({ 'person.name': '李思远', 'person.gender': '1' });
    expect(body).to.include({ fetchedAt: '2026-11-26T10:00:00Z', validUntil: '2026-11-27T10:00:00Z' });
    expect(Object.keys(body.signatures).sort()).to.deep.equal(['person.gender', 'person.name']);
    const signed = (subject: string, concept: string, value: unknown) =>
      verifies(subject, concept, value, '2026-11-26T10:00:00Z', body.signatures[concept] as string, at);
    for (const [concept, value] of Object.entries(body.values)) {
      expect(await signed(A, concept, value), concept).to.equal(true);
    }
    expect(await signed(A, 'person.name', '李四远')).to.be.false;
    expect(await signed(B, 'person.name', '李思远')).to.be.false;
  });

  it('answers 200 with no values when asked for no concepts (a material check)', async () => {
    await start();
    const answer = await askSource(A, 'hn-household', []);
    expect(answer.status).to.equal(200);
    expect(answer.body).to.include.keys('values', 'fetchedAt');
    expect((answer.body as { values: object }).values).to.deep.equal({});
  });

  it('answers 404 for no data, and for an unknown source with an error', async () => {
    await start();
    expect((await askSource(D, 'mohrss-social-insurance', ['socialInsurance.status'])).status).to.equal(404);
    expect((await askSource(COMPANY, 'mps-population', ['person.name'])).status).to.equal(404);
    const unknown = await askSource(A, 'no-such-source', ['person.name']);
    expect(unknown.status).to.equal(404);
    expect(unknown.body).to.deep.equal({ error: 'unknown source "no-such-source"' });
  });

  it('answers 403 without the consent a consent source needs, 200 with it', async () => {
    await start();
    const refused = await askSource(A, 'hn-property', ['property.address']);
    expect(refused.status).to.equal(403);
    const given = await askSource(A, 'hn-property', ['property.address'], {
      consent: { id: 'c-1', givenAt: '2026-11-26T09:59:00Z' },
    });
    expect(given.status).to.equal(200);
    expect(given.body).to.have.nested.property('values.property\\.address', '长沙市芙蓉区合成路100号3栋502室');
  });

  it('answers 503 for a source not connected and for a fixture’s $status', async () => {
    await start();
    const notConnected = await askSource(A, 'mca-marriage', ['person.maritalStatus'], {
      consent: { id: 'c-1', givenAt: '2026-11-26T09:59:00Z' },
    });
    expect(notConnected.status).to.equal(503);
    expect((await askSource(C, 'mohrss-social-insurance', ['socialInsurance.status'])).status).to.equal(503);
    expect((await askSource(A, 'mohrss-social-insurance', ['socialInsurance.status'])).status).to.equal(200);
  });

  it('honours a fixture’s $delayMs: that answer waits for its timer, others do not', async () => {
    const waits: number[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await start({
      wait: async (ms) => {
        waits.push(ms);
        await released;
      },
    });
    let answered = false;
    const late = askSource(D, 'mps-population', ['person.name']).then((answer) => {
      answered = true;
      return answer;
    });
    await until(() => waits.length === 1);
    expect(waits).to.deep.equal([800]);
    expect((await askSource(A, 'mps-population', ['person.name'])).status).to.equal(200);
    expect(answered, 'answered before its delay ran out').to.equal(false);
    release();
    const answer = await late;
    expect(answer.status).to.equal(200);
    expect(answer.body).to.have.nested.property('values.person\\.name', '陈嘉怡');
    expect(waits).to.deep.equal([800]);
  });

  it('answers a malformed 200 for $malformed, and injects faults for every subject', async () => {
    const copy = structuredClone(fixtures);
    const a = copy.subjects.find((s) => s.subject.id === A);
    if (!a?.sources?.['mps-driver']) throw new Error('fixture changed');
    a.sources['mps-driver'] = { ...a.sources['mps-driver'], $malformed: true };
    await start({ fixtures: copy, inject: { 'moe-education': { malformed: true }, 'hn-household': { status: 502 } } });
    for (const [as, id] of [
      [A, 'mps-driver'],
      [B, 'moe-education'],
    ] as const) {
      const answer = await askSource(as, id, ['person.name', 'person.degree']);
      expect(answer.status).to.equal(200);
      expect((answer.body as { values: unknown }).values).not.to.be.an('object');
    }
    expect((await askSource(A, 'hn-household', ['household.number'])).status).to.equal(502);
    expect((await askSource(D, 'hn-household', ['household.number'])).status).to.equal(502);
  });

  it('answers 400 for a body that is not { concepts, purpose }', async () => {
    await start();
    const bodies = ['not json', '[]', '{"purpose":"residence-permit"}', '{"concepts":["person.name"]}'];
    bodies.push('{"concepts":"person.name","purpose":"residence-permit"}');
    bodies.push('{"concepts":["person.name"],"purpose":"residence-permit","consent":true}');
    for (const body of bodies) {
      const answer = await call('/sources/mps-population', { as: A, method: 'POST', body });
      expect(answer.status, body).to.equal(400);
      expect(answer.body).to.have.property('error');
    }
  });

  it('stops a delayed answer when the client goes away, leaving no timer behind', async () => {
    await start({ inject: { 'moe-education': { delayMs: 60_000 } } });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const controller = new AbortController();
    const request = fetch(`${gateway?.url}/sources/moe-education`, {
      method: 'POST',
      headers: bearer(A),
      body: JSON.stringify({ concepts: ['person.degree'], purpose: 'teacher-qualification' }),
      signal: controller.signal,
    }).catch((error: Error) => error.name);
    await until(() => timers() > before);
    controller.abort();
    expect(await request).to.equal('AbortError');
    await until(() => gateway?.audit.length === 1);
    expect(gateway?.audit[0]).to.include({ route: '/sources/{id}', status: 499, subject: A });
    await until(() => timers() <= before);
  });
});

describe('mock gateway: licences and archive', () => {
  it('lists every licence held, expired ones included, values limited to the concepts asked', async () => {
    await start();
    const answer = await call('/licences?concepts=person.name,driverLicence.class&purpose=driving-licence-renewal', {
      as: B,
    });
    expect(answer.status).to.equal(200);
    const held = answer.body as {
      type: string;
      validUntil: string | null;
      values: Record<string, unknown>;
      signatures: Record<string, string>;
      fetchedAt: string;
    }[];
    expect(held.map((l) => l.type)).to.deep.equal([
      'resident-id-card',
      'driving-licence',
      'lawyer-practice-certificate',
    ]);
    const driving = held[1];
    expect(driving).to.include({ validUntil: '2026-06-30', number: B, issuedAt: '2020-06-30' });
    expect(driving?.values).to.deep.equal({ 'person.name': '王雨桐', 'driverLicence.class': 'C1' });
    expect(held[0]?.values).to.deep.equal({ 'person.name': '王雨桐' });
    for (const licence of held) {
      for (const [concept, value] of Object.entries(licence.values)) {
        const signature = licence.signatures[concept] as string;
        expect(await verifies(B, concept, value, licence.fetchedAt, signature)).to.equal(true);
      }
    }
  });

  it('filters by types, and answers [] when none is held', async () => {
    await start();
    const one = await call('/licences?types=driving-licence&concepts=driverLicence.validUntil&purpose=x1', { as: A });
    expect(one.body).to.have.length(1);
    expect(one.body).to.have.nested.property('[0].values.driverLicence\\.validUntil', '2028-06-18');
    const none = await call('/licences?types=tobacco-retail-licence&purpose=residence-permit', { as: A });
    expect(none).to.include({ status: 200 });
    expect(none.body).to.deep.equal([]);
    const noConcepts = await call('/licences?types=resident-id-card&purpose=residence-permit', { as: A });
    expect(noConcepts.body).to.have.nested.property('[0].values').that.deep.equals({});
  });

  it('answers the archive limited to the concepts and materials asked, with files that download', async () => {
    await start({ today: '2026-11-20' });
    const answer = await call('/archive?concepts=person.mobile,person.email,spouse.name&materials=photo-1inch', {
      as: A,
    });
    expect(answer.status).to.equal(200);
    const body = answer.body as {
      answers: Record<string, unknown>;
      documents: { url: string; size: number; sha256: string; type: string; name: string }[];
    };
    expect(body.answers).to.deep.equal({
      'person.mobile': { value: '13907310011', updatedAt: '2026-11-20T00:00:00Z' },
      'person.email': { value: 'siyuan.li@example.com', updatedAt: '2026-11-20T00:00:00Z' },
    });
    expect(body.documents).to.have.length(1);
    const [document] = body.documents;
    expect(document).to.include({
      material: 'photo-1inch',
      uploadedAt: '2026-09-01',
      validUntil: '2027-03-01',
      name: 'photo-1inch.jpg',
      type: 'image/jpeg',
    });
    const file = await fetch(document?.url as string, { headers: bearer(A) });
    expect(file.status).to.equal(200);
    expect(file.headers.get('content-type')).to.equal('image/jpeg');
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(bytes.length).to.equal(document?.size);
    expect([bytes[0], bytes[1], bytes[2]]).to.deep.equal([0xff, 0xd8, 0xff]);
    expect(createHash('sha256').update(bytes).digest('hex')).to.equal(document?.sha256);

    // Another subject's login reaches only their own list: the same link names nothing of A's.
    expect((await fetch(document?.url as string, { headers: bearer(B) })).status).to.equal(404);
    expect((await fetch(document?.url as string)).status).to.equal(401);
  });

  it('lists nothing not asked for, and another subject’s archive never', async () => {
    await start();
    expect((await call('/archive', { as: A })).body).to.deep.equal({ answers: {}, documents: [] });
    const other = await call('/archive?concepts=person.mobile&materials=photo-1inch', { as: B });
    expect(other.body).to.have.nested.property('answers.person\\.mobile.value', '13807310002');
    expect(other.body).to.have.property('documents').that.deep.equals([]);
  });
});

describe('mock gateway: audit', () => {
  it('keeps one entry and one log line per call, naming who, what and why — never a value', async () => {
    await start();
    await call('/subject', { as: A });
    await askSource(A, 'mps-population', ['person.name', 'person.idNumber']);
    await askSource(A, 'cs-citizen-account', ['person.mobile']);
    await call('/licences?types=resident-id-card&concepts=person.name&purpose=residence-permit', { as: A });
    await call('/archive?concepts=person.mobile&materials=photo-1inch', { as: A });
    await call('/subject');
    const audit = gateway?.audit ?? [];
    expect(audit.map((e) => [e.subject, e.method, e.route, e.status])).to.deep.equal([
      [A, 'GET', '/subject', 200],
      [A, 'POST', '/sources/{id}', 200],
      [A, 'POST', '/sources/{id}', 200],
      [A, 'GET', '/licences', 200],
      [A, 'GET', '/archive', 200],
      [null, 'GET', '/subject', 401],
    ]);
    expect(audit[1]).to.deep.include({
      source: 'mps-population',
      concepts: ['person.name', 'person.idNumber'],
      purpose: 'residence-permit',
    });
    expect(audit[3]).to.deep.include({ types: ['resident-id-card'], concepts: ['person.name'] });
    expect(audit[4]).to.deep.include({ concepts: ['person.mobile'], materials: ['photo-1inch'] });
    expect(lines).to.have.length(6);
    expect(lines[1]).to.match(
      / 430102199003150311 POST \/sources\/\{id\} 200 source=mps-population concepts=person\.name,person\.idNumber purpose=residence-permit$/,
    );

    const served = await call('/__mock/audit');
    expect(served.body).to.deep.equal(audit);
    const everything = lines.join('\n') + JSON.stringify(served.body);
    for (const value of ['李思远', '13907310001', '13907310011', '芙蓉区', 'demo:']) {
      expect(everything).not.to.contain(value);
    }

    expect((await call('/__mock/reset', { method: 'POST' })).status).to.equal(204);
    expect(gateway?.audit).to.have.length(0);
    expect((await call('/__mock/audit')).body).to.deep.equal([]);
  });

  it('serves the mock’s today and the demo subjects', async () => {
    await start({ today: '2026-11-20' });
    expect((await call('/__mock/config')).body).to.deep.equal({ today: '2026-11-20' });
    const subjects = (await call('/__mock/subjects')).body as { token: string; label: string }[];
    expect(subjects).to.have.length(fixtures.subjects.length);
    expect(subjects[0]).to.include({ token: `demo:${A}` });
  });
});

// ---------------------------------------------------------------------------------------
// Submissions

const MATTER = { id: 'lawyer-no-penalty-certificate', version: '1.0.0' };
const certificate = new TextEncoder().encode('%PDF-1.4\n% synthetic practice certificate\n');
const certificateSha = createHash('sha256').update(certificate).digest('hex');

/** A submission as the element would send it for B, values fetched from the gateway itself. */
async function lawyerSubmission(key = crypto.randomUUID()): Promise<Submission> {
  // For this matter: what the gateway serves for one matter locks that matter's fields only.
  const purpose = { purpose: MATTER.id };
  const population = (await askSource(B, 'mps-population', ['person.name', 'person.idNumber'], purpose)).body as {
    values: Record<string, string>;
    signatures: Record<string, string>;
    fetchedAt: string;
  };
  const lawyer = (await askSource(B, 'hn-lawyer', ['lawyer.licenceNumber', 'lawyer.firm'], purpose))
    .body as typeof population;
  const locked = (
    provider: 'source:mps-population' | 'source:hn-lawyer',
    answer: typeof population,
    concept: string,
  ) => ({
    provider,
    fetchedAt: answer.fetchedAt,
    locked: true,
    signature: answer.signatures[concept] as string,
  });
  return {
    matter: MATTER,
    subject: { kind: 'person', id: B },
    data: {
      applicant: {
        name: population.values['person.name'],
        idNumber: population.values['person.idNumber'],
        mobile: '13807310002',
      },
      practice: { licenceNumber: lawyer.values['lawyer.licenceNumber'], firm: lawyer.values['lawyer.firm'] },
      purpose: 'annual-assessment',
      period: '3y',
    },
    materials: [
      { id: 'resident-id-card', status: 'data', by: { source: 'mps-population' } },
      {
        id: 'lawyer-practice-certificate',
        status: 'uploaded',
        files: [{ name: 'zhiyezheng.pdf', type: 'application/pdf', size: certificate.length, sha256: certificateSha }],
      },
    ],
    provenance: {
      '/applicant/name': locked('source:mps-population', population, 'person.name'),
      '/applicant/idNumber': locked('source:mps-population', population, 'person.idNumber'),
      '/applicant/mobile': { provider: 'archive', fetchedAt: population.fetchedAt, locked: false },
      '/practice/licenceNumber': locked('source:hn-lawyer', lawyer, 'lawyer.licenceNumber'),
      '/practice/firm': locked('source:hn-lawyer', lawyer, 'lawyer.firm'),
    },
    consents: [],
    payloads: [],
    submittedAt: '2026-11-26T10:05:00Z',
    idempotencyKey: key,
  };
}

function submit(
  submission: Submission | string,
  {
    as = B,
    key,
    files = { [certificateSha]: certificate },
  }: { as?: string; key?: string | null; files?: Record<string, Uint8Array<ArrayBuffer>> } = {},
) {
  const form = new FormData();
  form.append('submission', typeof submission === 'string' ? submission : JSON.stringify(submission));
  for (const [name, bytes] of Object.entries(files)) {
    form.append(name, new Blob([bytes], { type: 'application/pdf' }), 'zhiyezheng.pdf');
  }
  const idempotencyKey = key === undefined && typeof submission !== 'string' ? submission.idempotencyKey : key;
  return call('/submissions', {
    as,
    method: 'POST',
    body: form,
    headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
  });
}

function errorCodes(answer: { status: number; body: unknown }): [string, string][] {
  expect(answer.status, JSON.stringify(answer.body)).to.equal(422);
  return (answer.body as { errors: { pointer: string; code: string }[] }).errors.map((e) => [e.pointer, e.code]);
}

describe('mock gateway: submissions', () => {
  it('accepts a valid submission: 201, a reference in the SPEC alphabet, and its status', async () => {
    await start();
    const submission = await lawyerSubmission();
    const answer = await submit(submission);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    const { reference, receivedAt } = answer.body as { reference: string; receivedAt: string };
    expect(reference).to.match(/^[ABCDEFGHJKLMNPRSTUVWXY23456789]{10}$/);
    expect(receivedAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(gateway?.submissions).to.have.length(1);
    expect(gateway?.submissions[0]).to.deep.include({ reference, subject: { kind: 'person', id: B } });
    expect(gateway?.submissions[0]?.files.map((f) => f.sha256)).to.deep.equal([certificateSha]);

    const status = await call(`/submissions/${reference}`, { as: B });
    expect(status).to.include({ status: 200 });
    expect(status.body).to.deep.equal({
      status: 'received',
      updatedAt: receivedAt,
      history: [{ status: 'received', at: receivedAt }],
    });
    expect((await call(`/submissions/${reference}`, { as: A })).status).to.equal(404);
    expect((await call(`/submissions/${reference}`)).status).to.equal(401);
    const audited = gateway?.audit.find((e) => e.route === '/submissions');
    expect(audited).to.deep.include({ method: 'POST', status: 201, subject: B, reference, purpose: MATTER.id });
  });

  it('replays the same 201 for the same key and content, and answers 409 for other content', async () => {
    await start();
    const submission = await lawyerSubmission();
    const first = await submit(submission);
    // A new FormData: a new multipart boundary, the same content.
    const again = await submit(submission);
    expect(again.status).to.equal(201);
    expect(again.body).to.deep.equal(first.body);
    expect(gateway?.submissions).to.have.length(1);
    const other = await submit({ ...submission, data: { ...submission.data, period: '5y' } });
    expect(other.status).to.equal(409);
    const concurrent = await lawyerSubmission();
    const [x, y] = await Promise.all([submit(concurrent), submit(concurrent)]);
    expect([x.status, y.status]).to.deep.equal([201, 201]);
    expect(x.body).to.deep.equal(y.body);
    expect(gateway?.submissions).to.have.length(2);
  });

  it('plays an outage: refused unread, then accepted with the reply lost, then the same 201 again', async () => {
    await start();
    const plan = (body: unknown) =>
      call('/__mock/outage', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await plan({ subject: B, mode: 'sideways' })).status).to.equal(400);
    expect((await plan({ subject: B, matter: 'company-name-change', mode: 'refuse' })).status).to.equal(204);
    expect((await submit(await lawyerSubmission())).status, 'another matter is not affected').to.equal(201);
    expect((await plan({ subject: B, mode: 'refuse' })).status).to.equal(204);
    const submission = await lawyerSubmission();
    let down: unknown;
    await submit(submission).catch((error: unknown) => (down = error));
    expect(down, 'the connection drops').to.be.instanceOf(TypeError);
    expect(gateway?.submissions).to.have.length(1);

    expect((await plan({ subject: B, mode: 'lose-reply' })).status).to.equal(204);
    let lost: unknown;
    await submit(submission).catch((error: unknown) => (lost = error));
    expect(lost, 'the reply never arrives').to.be.instanceOf(TypeError);
    expect(gateway?.submissions, 'but the submission was taken').to.have.length(2);

    const retry = await submit(submission);
    expect(retry.status).to.equal(201);
    expect((retry.body as { reference: string }).reference).to.equal(gateway?.submissions[1]?.reference);
    expect(gateway?.submissions, 'and only once').to.have.length(2);
  });

  it('rejects a tampered locked value as signature-mismatch, and keeps no 422 for the key', async () => {
    await start();
    const submission = await lawyerSubmission();
    const tampered = structuredClone(submission);
    (tampered.data.practice as Record<string, string>).firm = '湖南另一家示例律师事务所';
    expect(errorCodes(await submit(tampered))).to.deep.equal([['/practice/firm', 'signature-mismatch']]);
    const unsigned = structuredClone(submission);
    delete unsigned.provenance['/applicant/name']?.signature;
    expect(errorCodes(await submit(unsigned))).to.deep.equal([['/applicant/name', 'signature-missing']]);
    // The key of a rejected submission stays free for the corrected one.
    expect((await submit(submission)).status).to.equal(201);
  });

  it('rejects another person’s ID number under a stripped or unlocked provenance entry: 422, never 201', async () => {
    await start();
    // B's login prefilled the form; the ID number's entry goes, and A's number takes its place.
    const stripped = await lawyerSubmission();
    delete stripped.provenance['/applicant/idNumber'];
    (stripped.data.applicant as Record<string, string>).idNumber = A;
    const rejected = await submit(stripped);
    expect(errorCodes(rejected)).to.deep.equal([
      ['/applicant/idNumber', 'subject-mismatch'],
      ['/applicant/idNumber', 'signature-missing'],
    ]);
    const messages = (rejected.body as { errors: { message: { 'zh-CN': string; en: string } }[] }).errors;
    expect(messages.every((e) => e.message['zh-CN'] !== '' && e.message.en !== '')).to.equal(true);
    // Flagged as the person's own edit instead of stripped: the same.
    const unlocked = await lawyerSubmission();
    const entry = unlocked.provenance['/applicant/idNumber'] as Submission['provenance'][string];
    unlocked.provenance['/applicant/idNumber'] = { ...entry, locked: false, edited: true };
    (unlocked.data.applicant as Record<string, string>).idNumber = A;
    expect(errorCodes(await submit(unlocked))).to.deep.equal([
      ['/applicant/idNumber', 'subject-mismatch'],
      ['/applicant/idNumber', 'signature-missing'],
    ]);
    // A served name replaced unsigned: the signature is missing, whoever the name is.
    const renamed = await lawyerSubmission();
    delete renamed.provenance['/applicant/name'];
    (renamed.data.applicant as Record<string, string>).name = '赵六';
    expect(errorCodes(await submit(renamed))).to.deep.equal([['/applicant/name', 'signature-missing']]);
    expect(gateway?.submissions, 'none of them taken').to.have.length(0);
    // The honest one still goes through.
    expect((await submit(await lawyerSubmission())).status).to.equal(201);
  });

  it('lets a subject type what it was never served: no 422 for values the gateway did not give', async () => {
    await start();
    const submission = await lawyerSubmission();
    // Forget what was served (as for a subject that never asked the population register).
    expect((await call('/__mock/reset', { method: 'POST' })).status).to.equal(204);
    delete submission.provenance['/applicant/name'];
    delete submission.provenance['/applicant/idNumber'];
    (submission.data.applicant as Record<string, string>).name = '李四';
    const answer = await submit(submission);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    // Its own identifier it still cannot change.
    const other = structuredClone(submission);
    (other.data.applicant as Record<string, string>).idNumber = A;
    other.idempotencyKey = crypto.randomUUID();
    expect(errorCodes(await submit(other))).to.deep.equal([['/applicant/idNumber', 'subject-mismatch']]);
  });

  it('moves a case through its statuses on its clock, with the history, and decides it with the matter’s result', async () => {
    let clock = new Date('2026-11-26T10:05:00Z');
    await start({ now: () => clock, caseStepSeconds: 300 });
    const answer = await submit(await lawyerSubmission());
    const { reference } = answer.body as { reference: string };
    const status = async () =>
      (await call(`/submissions/${reference}`, { as: B })).body as {
        status: string;
        updatedAt: string;
        result?: unknown;
        history: { status: string; at: string }[];
      };
    expect((await status()).status).to.equal('received');
    clock = new Date('2026-11-26T10:10:00Z');
    expect(await status()).to.deep.equal({
      status: 'accepted',
      updatedAt: '2026-11-26T10:10:00Z',
      history: [
        { status: 'received', at: '2026-11-26T10:05:00Z' },
        { status: 'accepted', at: '2026-11-26T10:10:00Z' },
      ],
    });
    clock = new Date('2026-11-26T10:19:59Z');
    expect((await status()).status).to.equal('in-review');
    // Another case's clock moved on does not move this one; this one's does.
    expect(
      (await call('/__mock/advance', { method: 'POST', body: '{"seconds":1,"reference":"ZZZZZZZZZZ"}' })).status,
    ).to.equal(404);
    const advance = await call('/__mock/advance', { method: 'POST', body: JSON.stringify({ seconds: 1, reference }) });
    expect(advance.status).to.equal(204);
    const decided = await status();
    expect(decided.status).to.equal('decided');
    expect(decided.history.map((h) => h.status)).to.deep.equal(['received', 'accepted', 'in-review', 'decided']);
    expect(decided.updatedAt).to.equal('2026-11-26T10:20:00Z');
    const result = catalogue.matters.find((m) => m.id === MATTER.id)?.result;
    expect(decided.result).to.deep.include({ decision: 'approved', title: result?.title });
    expect((await call('/__mock/advance', { method: 'POST', body: '{"seconds":-5}' })).status).to.equal(400);
    await call('/__mock/reset', { method: 'POST' });
    expect((await call(`/submissions/${reference}`, { as: B })).status, 'reset forgets the cases').to.equal(404);
  });

  it('moves every case at once without a reference, and names the e-licence a licence matter issues', async () => {
    const clock = new Date('2026-11-26T10:05:00Z');
    await start({ now: () => clock });
    const answer = await submit(await lawyerSubmission());
    const { reference } = answer.body as { reference: string };
    // The default step is 2 minutes: three steps to decided.
    expect((await call('/__mock/advance', { method: 'POST', body: '{"seconds":360}' })).status).to.equal(204);
    const body = (await call(`/submissions/${reference}`, { as: B })).body as { status: string; updatedAt: string };
    expect(body).to.include({ status: 'decided', updatedAt: '2026-11-26T10:11:00Z' });
    const permit = catalogue.matters.find((m) => m.id === 'residence-permit');
    const decided = caseAnswer('ABCDEFGH23', '2026-11-26T10:05:00Z', new Date('2026-11-26T10:05:00Z'), 0, permit);
    expect(decided.result).to.deep.equal({
      decision: 'approved',
      title: { 'zh-CN': '居住证', en: 'Residence permit' },
      licence: { type: 'residence-permit', number: 'MOCK-ABCDEFGH23' },
      delivery: ['e-licence', 'mail'],
    });
  });

  it('rejects a signature that expired before the submission arrived', async () => {
    let clock = new Date('2026-11-26T10:00:00Z');
    await start({ now: () => clock, signatureTtlSeconds: 3600 });
    const submission = await lawyerSubmission();
    clock = new Date('2026-11-26T11:00:01Z');
    expect(errorCodes(await submit(submission))).to.deep.equal([
      ['/applicant/name', 'signature-expired'],
      ['/applicant/idNumber', 'signature-expired'],
      ['/practice/licenceNumber', 'signature-expired'],
      ['/practice/firm', 'signature-expired'],
    ]);
  });

  it('rejects data the matter’s schema rejects, an unknown matter and another subject’s submission', async () => {
    await start();
    const submission = await lawyerSubmission();
    const invalid = { ...submission, data: { ...submission.data, purpose: 'sightseeing' } };
    const schema = await submit(invalid);
    expect(errorCodes(schema)).to.deep.equal([['/purpose', 'schema']]);
    const message = (schema.body as { errors: { message: { en: string; 'zh-CN': string } }[] }).errors[0]?.message;
    expect(message?.en).to.be.a('string').that.is.not.empty;
    expect(message?.['zh-CN']).to.be.a('string').that.is.not.empty;

    const unknown = { ...submission, matter: { id: MATTER.id, version: '9.9.9' }, idempotencyKey: 'k-unknown' };
    expect(errorCodes(await submit(unknown))).to.deep.equal([['', 'unknown-matter']]);
    expect(errorCodes(await submit(submission, { as: A }))).to.deep.equal([['', 'subject-mismatch']]);
  });

  it('rejects a submission whose materials do not hold: missing, unaccounted for, or claimed electronically without cover', async () => {
    await start();
    const submission = await lawyerSubmission();
    const [idCard] = submission.materials;
    const missing = {
      ...submission,
      materials: [idCard!, { id: 'lawyer-practice-certificate', status: 'missing' as const }],
    };
    expect(errorCodes(await submit(missing, { files: {} }))).to.deep.equal([['', 'materials-incomplete']]);

    const unaccounted = { ...submission, materials: [idCard!] };
    expect(errorCodes(await submit(unaccounted, { files: {} }))).to.deep.equal([['', 'materials-incomplete']]);

    const held = {
      id: 'lawyer-practice-certificate',
      status: 'licence' as const,
      by: { licence: { type: 'lawyer-practice-certificate', number: '14301201510123456', validUntil: null } },
    };
    const byLicence = { ...submission, materials: [idCard!, held] };
    expect((await submit(byLicence, { files: {} })).status).to.equal(201);

    const forgedNumber = {
      ...held,
      by: { licence: { ...held.by.licence, number: '14301201510999999' } },
    };
    const forged = { ...submission, idempotencyKey: 'k-forged', materials: [idCard!, forgedNumber] };
    expect(errorCodes(await submit(forged, { files: {}, key: 'k-forged' }))).to.deep.equal([
      ['', 'material-unverified'],
    ]);
    const wrongSource = {
      ...submission,
      idempotencyKey: 'k-source',
      materials: [{ id: 'resident-id-card', status: 'data' as const, by: { source: 'hn-lawyer' } }, held],
    };
    expect(errorCodes(await submit(wrongSource, { files: {}, key: 'k-source' }))).to.deep.equal([
      ['', 'material-unverified'],
    ]);
  });

  it('rejects a file part that is missing, or whose bytes do not hash to its name', async () => {
    await start();
    const submission = await lawyerSubmission();
    expect(errorCodes(await submit(submission, { files: {} }))).to.deep.equal([['', 'file-missing']]);
    const forged = { [certificateSha]: new TextEncoder().encode('%PDF-1.4\n% another file\n') };
    expect(errorCodes(await submit(submission, { files: forged }))).to.deep.equal([['', 'file-mismatch']]);
    const extra = { [certificateSha]: certificate, ['0'.repeat(64)]: certificate };
    expect(errorCodes(await submit(submission, { files: extra }))).to.deep.equal([['', 'file-unexpected']]);
    expect(gateway?.submissions).to.have.length(0);
  });

  it('answers 400 without an Idempotency-Key or with a broken submission part, 415 and 413 for the body', async () => {
    await start({ maxBodyBytes: 64 * 1024 });
    const submission = await lawyerSubmission();
    const noKey = await submit(submission, { key: null });
    expect(noKey.status).to.equal(400);
    expect(noKey.body).to.have.property('error').that.contains('Idempotency-Key');
    const broken = await submit('{"matter": ', { key: 'k-broken' });
    expect(broken.status).to.equal(400);
    expect(broken.body).to.have.property('error').that.contains('not JSON');
    const noPart = await call('/submissions', {
      as: B,
      method: 'POST',
      body: new FormData(),
      headers: { 'Idempotency-Key': 'k-empty' },
    });
    expect(noPart.status).to.equal(400);
    const json = await call('/submissions', {
      as: B,
      method: 'POST',
      body: JSON.stringify(submission),
      headers: { 'Idempotency-Key': 'k-json', 'Content-Type': 'application/json' },
    });
    expect(json.status).to.equal(415);
    const big = await submit(submission, { files: { [certificateSha]: new Uint8Array(80 * 1024) } });
    expect(big.status).to.equal(413);
    const shapeless = await submit({ ...submission, data: [] as never, materials: {} as never });
    expect(errorCodes(shapeless)).to.deep.equal([
      ['', 'submission-invalid'],
      ['', 'submission-invalid'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Hostile requests

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * One request over a socket of its own, bytes exactly as given: `head` (request line and
 * headers, without the blank line), then each of `body` — with `gapMs` between pieces when
 * set, stopping as soon as the answer is in. Resolves with the answer's status, headers and
 * parsed JSON body; rejects when the connection ends without a whole answer.
 */
function raw(head: string, body: readonly (string | Uint8Array)[] = [], gapMs = 0): Promise<RawAnswer> {
  const port = Number(new URL((gateway as RunningGateway).url).port);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (answer: RawAnswer | Error) => {
      if (done) return;
      done = true;
      socket.destroy();
      if (answer instanceof Error) reject(answer);
      else resolve(answer);
    };
    const parse = (): RawAnswer | undefined => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return undefined;
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      const text = received.subarray(end + 4);
      if (text.length < length) return undefined;
      let parsed: unknown = text.subarray(0, length).toString('utf8');
      try {
        parsed = JSON.parse(parsed as string);
      } catch {
        // not JSON: kept as text
      }
      return { status: Number(statusLine?.split(' ')[1]), headers, body: parsed };
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const answer = parse();
      if (answer) finish(answer);
    });
    socket.on('error', () => {
      // a reset after the server answered and closed: the answer counts if it is whole
    });
    socket.on('close', () => finish(parse() ?? new Error(`the connection ended without an answer: ${received}`)));
    socket.on('connect', () => {
      void (async () => {
        socket.write(`${head}\r\n\r\n`);
        for (const piece of body) {
          if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
          if (done) return;
          socket.write(piece);
        }
      })();
    });
  });
}

function hostHeader(): string {
  return new URL((gateway as RunningGateway).url).host;
}

/** A submission's multipart body with `text` as its "submission" part, as bytes. */
async function multipart(text: string): Promise<{ bytes: Uint8Array<ArrayBuffer>; type: string }> {
  const form = new FormData();
  form.append('submission', text);
  form.append(certificateSha, new Blob([certificate], { type: 'application/pdf' }), 'zhiyezheng.pdf');
  const request = new Request('http://x.invalid/', { method: 'POST', body: form });
  return {
    bytes: new Uint8Array(await request.arrayBuffer()),
    type: request.headers.get('content-type') as string,
  };
}

async function submitText(text: string, key: string = crypto.randomUUID()) {
  const { bytes, type } = await multipart(text);
  return call('/submissions', {
    as: B,
    method: 'POST',
    body: bytes,
    headers: { 'Idempotency-Key': key, 'Content-Type': type },
  });
}

/** A 4xx with SPEC §6's body: `{ error }`, or `{ errors: [...] }` for a 422. */
function refusal(answer: { status: number; body: unknown }, status: number): string {
  expect(answer.status, JSON.stringify(answer.body)).to.equal(status);
  expect(answer.body, JSON.stringify(answer.body)).to.have.property('error').that.is.a('string');
  return (answer.body as { error: string }).error;
}

describe('mock gateway: hostile requests', () => {
  it('refuses a Host that is not loopback with 421 (DNS rebinding), on every route', async () => {
    await start();
    const port = new URL((gateway as RunningGateway).url).port;
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `127.0.0.2:${port}`,
      `0.0.0.0:${port}`,
      `[::ffff:127.0.0.1]:${port}`,
    ]) {
      for (const path of ['/__mock/subjects', '/subject']) {
        const answer = await raw(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer demo:${A}`);
        expect(refusal(answer, 421), host).to.contain('loopback');
      }
    }
    expect(refusal(await raw('GET /__mock/subjects HTTP/1.0'), 421)).to.contain('loopback');
    expect(gateway?.audit, 'refused before any route ran').to.have.length(0);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, 'localhost']) {
      const answer = await raw(`GET /__mock/subjects HTTP/1.1\r\nHost: ${host}`);
      expect(answer.status, host).to.equal(200);
      expect(answer.body).to.be.an('array').that.is.not.empty;
    }
  });

  it('answers 400 for submissions nested too deep, with 1e999, or with lone surrogates — never 500', async () => {
    await start();
    const submission = await lawyerSubmission();
    const text = JSON.stringify(submission);
    const withData = (data: string) => text.replace(/"data":\{/, `"data":{"extra":${data},`);
    const cases: [string, string, string][] = [
      ['deep', withData('['.repeat(100_000) + ']'.repeat(100_000)), 'deeper than'],
      ['just too deep', withData('{"a":'.repeat(MAX_JSON_DEPTH) + '0' + '}'.repeat(MAX_JSON_DEPTH)), 'deeper than'],
      ['1e999', withData('1e999'), 'too large'],
      ['-1e999 in provenance', text.replace('"locked":true', '"locked":true,"n":-1e999'), 'too large'],
      ['lone surrogate', withData('"\\ud800"'), 'lone surrogate'],
      ['lone low surrogate in a name', withData('{"\\udc00x":1}'), 'lone surrogate'],
      ['lone surrogate in a locked value', text.replace(/"name":"[^"]*"/, '"name":"\\udbff"'), 'lone surrogate'],
    ];
    for (const [name, body, says] of cases) {
      const answer = await submitText(body);
      expect(refusal(answer, 400), name).to.contain(says);
    }
    const paired = await submitText(withData('"\\ud83d\\ude00"'));
    expect(paired.status, 'a pair is a character, and the data a shape the schema judges').to.equal(422);
    expect((await submitText(text, submission.idempotencyKey)).status).to.equal(201);
  });

  it('answers 400 for bodies that are not UTF-8 or not I-JSON, at the sources and mock routes too', async () => {
    await start();
    const sources = (body: Uint8Array<ArrayBuffer> | string) =>
      call('/sources/mps-population', {
        as: A,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
    const ask = '{"concepts":["person.name"],"purpose":"residence-permit"';
    expect(refusal(await sources(`${ask},"x":${'['.repeat(5000)}${']'.repeat(5000)}}`), 400)).to.contain('deeper');
    expect(refusal(await sources(`${ask},"x":1e999}`), 400)).to.contain('too large');
    expect(refusal(await sources(`${ask},"x":"\\ud800"}`), 400)).to.contain('lone surrogate');
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${ask},"x":"`), 0xff, 0x22, 0x7d]);
    expect(refusal(await sources(latin1), 400)).to.contain('UTF-8');
    expect((await sources(`${ask}}`)).status).to.equal(200);

    const reject = await call('/__mock/reject', {
      method: 'POST',
      body: JSON.stringify({ subject: B, errors: [] }).replace('[]', '[1e999]'),
    });
    expect(refusal(reject, 400)).to.contain('too large');
    const outage = await call('/__mock/outage', { method: 'POST', body: 'x'.repeat(5000) });
    expect(refusal(outage, 413)).to.contain('larger than');
    const advance = await call('/__mock/advance', { method: 'POST', body: '{"seconds":"\\udfff"}' });
    expect(refusal(advance, 400)).to.contain('lone surrogate');
  });

  it('answers 413 to an oversized body sent in chunks with no length, and keeps no half of it', async () => {
    await start({ maxBodyBytes: 64 * 1024 });
    const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
    const piece = 'x'.repeat(16 * 1024);
    const big = await raw(
      [
        'POST /submissions HTTP/1.1',
        `Host: ${hostHeader()}`,
        `Authorization: Bearer demo:${B}`,
        'Idempotency-Key: k-big',
        'Content-Type: multipart/form-data; boundary=b',
        'Transfer-Encoding: chunked',
      ].join('\r\n'),
      [chunk(piece), chunk(piece), chunk(piece), chunk(piece), chunk(piece), '0\r\n\r\n'],
    );
    expect(refusal(big, 413)).to.contain('larger than');
    expect(big.headers.connection).to.equal('close');
    const json = await raw(
      [
        'POST /sources/mps-population HTTP/1.1',
        `Host: ${hostHeader()}`,
        `Authorization: Bearer demo:${A}`,
        'Transfer-Encoding: chunked',
      ].join('\r\n'),
      Array.from({ length: 70 }, () => chunk(piece)).concat('0\r\n\r\n'),
    );
    expect(refusal(json, 413)).to.contain('larger than');
    expect(gateway?.submissions).to.have.length(0);
  });

  it('answers 408 to a body that trickles in a byte at a time, or stops short, within the bound', async () => {
    await start({ bodyTimeoutMs: 300 });
    const head = (path: string, length: number) =>
      [
        `POST ${path} HTTP/1.1`,
        `Host: ${hostHeader()}`,
        `Authorization: Bearer demo:${B}`,
        'Idempotency-Key: k-slow',
        'Content-Type: multipart/form-data; boundary=b',
        `Content-Length: ${length}`,
      ].join('\r\n');
    // 2 000 bytes a byte every 20 ms would take 40 s: the answer comes at the bound instead.
    const trickle = Array.from({ length: 2000 }, () => 'x');
    const slow = await raw(head('/submissions', 2000), trickle, 20);
    expect(refusal(slow, 408)).to.contain('0.3 s');
    expect(slow.headers.connection).to.equal('close');
    const short = await raw(head('/sources/mps-population', 100), ['{"concepts":']);
    expect(refusal(short, 408)).to.contain('0.3 s');
    const mock = await raw(head('/__mock/outage', 100), ['{']);
    expect(refusal(mock, 408)).to.contain('0.3 s');
    expect(gateway?.audit.map((e) => e.status)).to.deep.equal([408, 408]);
  });

  it('answers a few hundred malformed submissions with 4xx and SPEC §6 bodies, never 5xx', async () => {
    await start({ maxBodyBytes: 256 * 1024 });
    const submission = await lawyerSubmission();
    const valid = JSON.stringify(submission);
    // A seeded generator: the same bodies every run, so a failure names a body one can replay.
    let seed = 0x2f6b_17;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const nasty: readonly unknown[] = [
      null,
      true,
      0,
      -0,
      1e308,
      -1,
      0.5,
      '',
      'x'.repeat(2000),
      '\u202e',
      '__proto__',
      [],
      {},
      [[[]]],
      { __proto__: { admin: true } },
      { constructor: { prototype: {} } },
      { toString: 1 },
      { '': null },
    ];
    const fragments = [
      '1e999',
      '-1e999',
      '"\\ud800"',
      '"\\udfff"',
      '[',
      ']',
      '{',
      '}',
      ',',
      ':',
      '"',
      '\\',
      'NaN',
      '\u0000',
    ];
    const mutants: string[] = [];
    for (let i = 0; i < 300; i++) {
      const kind = i % 5;
      if (kind === 0) {
        // Cut short or spliced: text that is rarely JSON.
        const at = Math.floor(random() * valid.length);
        mutants.push(valid.slice(0, at) + pick(fragments) + valid.slice(at + Math.floor(random() * 3)));
      } else if (kind === 1) {
        // Any member replaced by a value of another shape.
        const copy = JSON.parse(valid) as Record<string, unknown>;
        const path = pick([
          ['matter'],
          ['matter', 'id'],
          ['matter', 'version'],
          ['subject'],
          ['subject', 'kind'],
          ['subject', 'id'],
          ['data'],
          ['data', 'applicant'],
          ['data', 'applicant', 'name'],
          ['data', 'practice'],
          ['materials'],
          ['materials', '0'],
          ['materials', '1', 'files'],
          ['materials', '1', 'files', '0', 'sha256'],
          ['provenance'],
          ['provenance', '/applicant/name'],
          ['provenance', '/applicant/name', 'signature'],
          ['provenance', '/applicant/name', 'fetchedAt'],
          ['consents'],
          ['payloads'],
          ['submittedAt'],
          ['idempotencyKey'],
        ]);
        let node: Record<string, unknown> = copy;
        for (const step of path.slice(0, -1)) node = node[step] as Record<string, unknown>;
        node[path[path.length - 1] as string] = pick(nasty);
        mutants.push(JSON.stringify(copy));
      } else if (kind === 2) {
        // Not I-JSON inside an otherwise valid submission.
        const at = pick(['"data":{', '"provenance":{', '"subject":{', '"matter":{']);
        mutants.push(valid.replace(at, `${at}"z":${pick(['1e999', '"\\ud800"', '[[[[[[[[[[1]]]]]]]]]]'.repeat(1)])},`));
      } else if (kind === 3) {
        // A top level of another type.
        mutants.push(JSON.stringify(pick(nasty)));
      } else {
        // Random bytes, printable or not.
        const length = Math.floor(random() * 200);
        mutants.push(Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join(''));
      }
    }
    const statuses = new Map<number, number>();
    for (const [i, text] of mutants.entries()) {
      const answer = await submitText(text, `fuzz-${i}`);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      expect(answer.status, `mutant ${i}: ${text.slice(0, 200)}`).to.be.within(400, 499);
      const body = answer.body as { error?: unknown; errors?: unknown };
      expect(typeof body.error === 'string' || Array.isArray(body.errors), `mutant ${i}`).to.equal(true);
    }
    // Broken multipart framing and headers, at the same route.
    const { bytes, type } = await multipart(valid);
    const framing: [Uint8Array<ArrayBuffer> | string, string][] = [
      [bytes.slice(0, bytes.length / 2), type],
      [bytes, 'multipart/form-data; boundary=other'],
      [bytes, 'multipart/form-data;'],
      [bytes, 'multipart/form-data; boundary="'],
      ['', type],
      [new Uint8Array([0xff, 0xfe, 0x00]), type],
    ];
    for (const [body, contentType] of framing) {
      const answer = await call('/submissions', {
        as: B,
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': crypto.randomUUID(), 'Content-Type': contentType },
      });
      expect(answer.status, contentType).to.be.within(400, 499);
    }
    expect(gateway?.submissions).to.have.length(0);
    // Both layers were reached: the parsing (400) and the checks behind it (422).
    expect(statuses.get(400), 'refused as unreadable').to.be.above(50);
    expect(statuses.get(422), 'refused by the checks').to.be.above(50);
  });
});

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
