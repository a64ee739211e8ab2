import { expect } from 'chai';
import { loadCatalogue } from '../catalogue/catalogue.js';
import type { Matter } from '../generated/catalogue.js';
import { verifySubmission, type SignatureErrorCode, type VerifyOptions } from '../back-office/verify.js';
import { canonicalJson, signValue } from './signature.js';
import type { Provenance, Submission } from './submission.js';

describe('canonicalJson (RFC 8785)', () => {
  it('writes the RFC 8785 §3.2.2 example byte for byte', () => {
    const input = {
      // RFC 8785's own input: the first literal is written with more digits than a double holds.
      // eslint-disable-next-line no-loss-of-precision
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: '\u20ac$\u000F\u000aA\'\u0042\u0022\u005c\\"/',
      literals: [null, true, false],
    };
    expect(canonicalJson(input)).to.equal(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, non-ASCII and astral keys included (RFC 8785 §3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
      姓名: '李思远',
    };
    // Code-point order would put U+1F600 after U+FB33; UTF-16 order puts its lead surrogate (D83D) first.
    expect(canonicalJson(input)).to.equal(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","姓名":"李思远","\ud83d\ude00":"Emoji: Grinning Face",' +
        '"\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 2 }, 3], a: { d: null, c: 'x' } })).to.equal(
      '{"a":{"c":"x","d":null},"b":[{"a":2,"z":1},3]}',
    );
  });

  it('writes numbers as ECMAScript does', () => {
    expect(canonicalJson([1e21, 1e20, 0.1, -0, 1e-7, 5e-324, -1.5, 100, 9007199254740991])).to.equal(
      '[1e+21,100000000000000000000,0.1,0,1e-7,5e-324,-1.5,100,9007199254740991]',
    );
  });

  it('rejects what is not I-JSON, saying where', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, RegExp][] = [
      [Number.NaN, /NaN/],
      [{ a: [1, Infinity] }, /\/a\/1 is Infinity/],
      [{ a: undefined }, /\/a is undefined/],
      [() => 1, /function/],
      [Symbol('x'), /symbol/],
      [10n, /bigint/],
      [new Date(0), /Date/],
      [new Map(), /Map/],
      [cyclic, /refers back to itself/],
      ['\ud800', /lone surrogate/],
      [{ '\udc00': 1 }, /lone surrogate/],
    ];
    for (const [value, message] of cases) expect(() => canonicalJson(value)).to.throw(TypeError, message);
  });

  it('accepts objects without a prototype and repeated (non-cyclic) references', () => {
    const shared = { x: 1 };
    const bare = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    expect(canonicalJson([shared, shared, bare])).to.equal('[{"x":1},{"x":1},{"a":2,"b":1}]');
  });
});

const subject = { kind: 'person' as const, id: '430102199003150311' };
const keys = { k1: 'test-secret' };
const fetchedAt = '2026-11-26T10:00:00Z';
const expiresAt = '2026-11-27T10:00:00Z';
const before = new Date('2026-11-26T12:00:00Z');

const matter = {
  schema: {
    type: 'object',
    properties: {
      applicant: {
        type: 'object',
        properties: {
          name: { type: 'string', 'x-concept': 'person.name' },
          mobile: { type: 'string', 'x-concept': 'person.mobile' },
        },
      },
      members: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string', 'x-concept': 'member.name' } } },
      },
      degrees: { type: 'array', 'x-concept': 'person.degrees', items: { type: 'string' } },
      note: { type: 'string' },
    },
  },
};

function sign(concept: string, value: unknown, overrides: Partial<Parameters<typeof signValue>[0]> = {}) {
  return signValue({ subject, concept, value, fetchedAt, expiresAt, keyId: 'k1', secret: keys.k1, ...overrides });
}

async function submissionWith(
  provenance: Record<string, Partial<Provenance>>,
  data: Record<string, unknown> = { applicant: { name: '李思远', mobile: '13907310001' } },
): Promise<Pick<Submission, 'subject' | 'data' | 'provenance'>> {
  const full: Record<string, Provenance> = {};
  for (const [pointer, entry] of Object.entries(provenance)) {
    full[pointer] = { provider: 'source:mps-population', fetchedAt, locked: true, ...entry };
  }
  return { subject, data, provenance: full };
}

async function codes(
  submission: Pick<Submission, 'subject' | 'data' | 'provenance'>,
  options: { now?: Date; requireSignatures?: boolean } = {},
): Promise<[string, SignatureErrorCode][]> {
  const result = await verifySubmission(submission, { keys, matter, now: before, ...options });
  expect(result.ok).to.equal(result.errors.length === 0);
  return result.errors.map((e) => [e.pointer, e.code]);
}

describe('signValue', () => {
  it('writes v1.<key>.<expiresAt>.<base64url HMAC-SHA256 of the canonical tuple>', async () => {
    // The MAC of ["person","430102199003150311","person.name","李思远","2026-11-26T10:00:00Z",
    // "2026-11-27T10:00:00Z"] under "test-secret", as any HMAC-SHA256 implementation writes it.
    expect(await sign('person.name', '李思远')).to.equal(
      'v1.k1.2026-11-27T10:00:00Z.m5MPjcf_95BBZyxE9ikTnRxB7QhSwCIdnp8qG0-r4Ks',
    );
  });

  it('takes the secret as bytes too', async () => {
    const bytes = new TextEncoder().encode('test-secret');
    expect(await sign('person.name', '李思远', { secret: bytes })).to.equal(await sign('person.name', '李思远'));
  });

  it('refuses key ids and instants that would break the dotted layout', async () => {
    for (const keyId of ['a.b', '', 'key id']) {
      let caught: unknown;
      await sign('person.name', 'x', { keyId }).catch((e: unknown) => (caught = e));
      expect(caught, keyId).to.be.instanceOf(TypeError);
    }
    for (const at of ['2026-11-27T10:00:00.000Z', '2026-11-27T10:00:00+08:00', '2026-02-30T10:00:00Z']) {
      let caught: unknown;
      await sign('person.name', 'x', { expiresAt: at }).catch((e: unknown) => (caught = e));
      expect(caught, at).to.be.instanceOf(TypeError);
    }
  });
});

describe('verifySubmission', () => {
  it('accepts values exactly as signed, leaves unsigned unlocked entries alone', async () => {
    const submission = await submissionWith({
      '/applicant/name': { signature: await sign('person.name', '李思远') },
      '/applicant/mobile': { provider: 'archive', locked: false },
    });
    expect(await codes(submission)).to.deep.equal([]);
  });

  it('reports a changed value, subject or fetchedAt as signature-mismatch', async () => {
    const signature = await sign('person.name', '李思远');
    const changedValue = await submissionWith(
      { '/applicant/name': { signature } },
      { applicant: { name: '李四远', mobile: '13907310001' } },
    );
    expect(await codes(changedValue)).to.deep.equal([['/applicant/name', 'signature-mismatch']]);

    const otherSubject = { ...(await submissionWith({ '/applicant/name': { signature } })) };
    otherSubject.subject = { kind: 'person', id: '430103198507220469' };
    expect(await codes(otherSubject)).to.deep.equal([['/applicant/name', 'signature-mismatch']]);

    const otherTime = await submissionWith({ '/applicant/name': { signature, fetchedAt: '2026-11-26T10:00:01Z' } });
    expect(await codes(otherTime)).to.deep.equal([['/applicant/name', 'signature-mismatch']]);

    const missingValue = await submissionWith({ '/applicant/name': { signature } }, { applicant: {} });
    expect(await codes(missingValue)).to.deep.equal([['/applicant/name', 'signature-mismatch']]);
  });

  it('reports signature-expired after expiresAt, and only then', async () => {
    const submission = await submissionWith({ '/applicant/name': { signature: await sign('person.name', '李思远') } });
    expect(await codes(submission, { now: new Date(expiresAt) })).to.deep.equal([]);
    expect(await codes(submission, { now: new Date('2026-11-27T10:00:01Z') })).to.deep.equal([
      ['/applicant/name', 'signature-expired'],
    ]);
  });

  it('reports an unknown key id', async () => {
    const signature = await sign('person.name', '李思远', { keyId: 'retired', secret: 'old' });
    const result = await verifySubmission(await submissionWith({ '/applicant/name': { signature } }), {
      keys,
      matter,
      now: before,
    });
    expect(result.ok).to.equal(false);
    expect(result.errors).to.have.length(1);
    expect(result.errors[0]).to.include({ pointer: '/applicant/name', code: 'signature-unknown-key' });
    expect(result.errors[0]?.message.en).to.contain('retired');
    expect(result.errors[0]?.message['zh-CN']).to.contain('retired');
  });

  it('reports signatures not of the v1 layout as signature-malformed', async () => {
    const good = await sign('person.name', '李思远');
    const bad = [
      '',
      'garbage',
      good.replace('v1.', 'v2.'),
      good.replace('2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z'),
      good.slice(0, -1),
      good + 'A',
      good.replace(/.$/, '+'),
      `${good}.extra`,
      42,
    ];
    for (const signature of bad) {
      const submission = await submissionWith({ '/applicant/name': { signature: signature as string } });
      expect(await codes(submission), String(signature)).to.deep.equal([['/applicant/name', 'signature-malformed']]);
    }
  });

  it('reports a locked entry without signature unless signatures are not required', async () => {
    const submission = await submissionWith({ '/applicant/name': {} });
    expect(await codes(submission)).to.deep.equal([['/applicant/name', 'signature-missing']]);
    expect(await codes(submission, { requireSignatures: false })).to.deep.equal([]);
  });

  it('reports a signature on a pointer that is no concept field', async () => {
    const signature = await sign('person.name', 'x');
    const submission = await submissionWith(
      { '/note': { signature }, '/nowhere': { signature }, 'not a pointer': { signature } },
      { note: 'x' },
    );
    expect(await codes(submission)).to.deep.equal([
      ['/note', 'signature-no-field'],
      ['/nowhere', 'signature-no-field'],
      ['not a pointer', 'signature-no-field'],
    ]);
  });

  it('matches array items to their `-` field, and a whole-array field to itself', async () => {
    const data = { members: [{ name: '李思远' }, { name: '王雨桐' }], degrees: ['bachelor', 'master'] };
    const submission = await submissionWith(
      {
        '/members/1/name': { signature: await sign('member.name', '王雨桐') },
        '/degrees': { signature: await sign('person.degrees', ['bachelor', 'master']) },
      },
      data,
    );
    expect(await codes(submission)).to.deep.equal([]);

    const swapped = await submissionWith(
      { '/members/0/name': { signature: await sign('member.name', '王雨桐') } },
      data,
    );
    expect(await codes(swapped)).to.deep.equal([['/members/0/name', 'signature-mismatch']]);
    const notAnIndex = await submissionWith({ '/members/x/name': { signature: await sign('member.name', 'x') } }, data);
    expect(await codes(notAnIndex)).to.deep.equal([['/members/x/name', 'signature-no-field']]);
  });

  it('skips an entry the person edited, but not a locked one', async () => {
    const signature = await sign('person.mobile', '13907310001');
    const data = { applicant: { name: '李思远', mobile: '13800000000' } };
    const edited = await submissionWith({ '/applicant/mobile': { signature, locked: false, edited: true } }, data);
    expect(await codes(edited)).to.deep.equal([]);
    const lockedEdited = await submissionWith({ '/applicant/mobile': { signature, locked: true, edited: true } }, data);
    expect(await codes(lockedEdited)).to.deep.equal([['/applicant/mobile', 'signature-mismatch']]);
  });

  it('checks an unlocked entry that carries a signature', async () => {
    const signature = await sign('person.mobile', '13907310001');
    const data = { applicant: { name: '李思远', mobile: '13800000000' } };
    const submission = await submissionWith({ '/applicant/mobile': { signature, locked: false } }, data);
    expect(await codes(submission)).to.deep.equal([['/applicant/mobile', 'signature-mismatch']]);
  });
});

describe('verifySubmission: what the gateway served locks, whatever the provenance says', () => {
  const B = '430103198507220469';
  const load = loadCatalogue({
    concepts: [
      { id: 'person.name', title: '姓名', schema: { type: 'string' } },
      { id: 'person.idNumber', title: '公民身份号码', schema: { type: 'string' } },
      { id: 'person.mobile', title: '手机号码', schema: { type: 'string' } },
      { id: 'org.creditCode', title: '统一社会信用代码', schema: { type: 'string' } },
    ],
    sources: [
      {
        id: 'pop',
        title: '人口库',
        level: 'ministry',
        provides: { 'person.name': '/xm', 'person.idNumber': '/sfzh', 'person.mobile': '/sj' },
      },
    ],
    licences: [
      {
        id: 'id-card',
        title: '居民身份证',
        holder: 'person',
        fresh: true,
        provides: { 'person.name': '/name', 'person.idNumber': '/number' },
      },
    ],
    matters: [
      {
        id: 'locks',
        version: '1.0.0',
        title: '锁定测试',
        authority: '合成测试局',
        schema: {
          type: 'object',
          properties: {
            applicant: {
              type: 'object',
              properties: {
                name: { type: 'string', 'x-concept': 'person.name' },
                idNumber: { type: 'string', 'x-concept': 'person.idNumber' },
                // The archive first: a value from it is not locked, so the gateway's is no rule here.
                mobile: { type: 'string', 'x-concept': 'person.mobile', 'x-fill': ['archive', 'source:pop'] },
              },
            },
            contact: {
              type: 'object',
              properties: {
                mobile: { type: 'string', 'x-concept': 'person.mobile', pattern: '^1\\d{10}$' },
                spare: { type: 'string', 'x-concept': 'person.mobile', 'x-lock': false },
              },
            },
            members: {
              type: 'array',
              items: { type: 'object', properties: { idNumber: { type: 'string', 'x-concept': 'person.idNumber' } } },
            },
          },
        },
      },
    ],
  });
  if (!load.ok) throw new Error(load.errors.map((p) => `${p.pointer} ${p.message.en}`).join('\n'));
  const { catalogue } = load;
  const matter = catalogue.matters[0] as Matter;
  const served = { 'person.name': '李思远', 'person.idNumber': subject.id, 'person.mobile': '13907310001' };

  /** Applicant A's honest submission: name and ID number locked, as the gateway signed them. */
  async function honest(): Promise<Pick<Submission, 'subject' | 'data' | 'provenance'>> {
    return submissionWith(
      {
        '/applicant/name': { signature: await sign('person.name', '李思远') },
        '/applicant/idNumber': { signature: await sign('person.idNumber', subject.id) },
      },
      { applicant: { name: '李思远', idNumber: subject.id } },
    );
  }

  async function served422(
    submission: Pick<Submission, 'subject' | 'data' | 'provenance'>,
    options: Partial<VerifyOptions> = {},
  ): Promise<[string, SignatureErrorCode][]> {
    const result = await verifySubmission(submission, { keys, matter, catalogue, served, now: before, ...options });
    expect(result.ok).to.equal(result.errors.length === 0);
    return result.errors.map((e) => [e.pointer, e.code]);
  }

  it('accepts the honest submission', async () => {
    expect(await served422(await honest())).to.deep.equal([]);
  });

  it("reports another person's ID number under a stripped provenance entry: signature-missing and subject-mismatch", async () => {
    const stripped = await honest();
    delete stripped.provenance['/applicant/idNumber'];
    (stripped.data.applicant as Record<string, unknown>).idNumber = B;
    expect(await served422(stripped)).to.deep.equal([
      ['/applicant/idNumber', 'subject-mismatch'],
      ['/applicant/idNumber', 'signature-missing'],
    ]);
    // Without `served`, the stripped entry leaves only the identifier to catch it.
    expect(await served422(stripped, { served: undefined })).to.deep.equal([
      ['/applicant/idNumber', 'subject-mismatch'],
    ]);
  });

  it('reports a locked value flagged locked: false, edited: true, or left unsigned, and changed', async () => {
    const flagged = await honest();
    flagged.provenance['/applicant/name'] = { provider: 'licence:id-card', fetchedAt, locked: false, edited: true };
    (flagged.data.applicant as Record<string, unknown>).name = '王雨桐';
    expect(await served422(flagged)).to.deep.equal([['/applicant/name', 'signature-missing']]);

    const unsigned = await honest();
    unsigned.provenance['/applicant/name'] = { provider: 'licence:id-card', fetchedAt, locked: false };
    (unsigned.data.applicant as Record<string, unknown>).name = '王雨桐';
    expect(await served422(unsigned)).to.deep.equal([['/applicant/name', 'signature-missing']]);
  });

  it('reports one fault per pointer when a signature is there: the mismatch, not also a missing one', async () => {
    const tampered = await honest();
    (tampered.data.applicant as Record<string, unknown>).name = '王雨桐';
    expect(await served422(tampered)).to.deep.equal([['/applicant/name', 'signature-mismatch']]);
  });

  it('accepts the served value without its provenance (the host set it, or it was typed the same)', async () => {
    const bare = await submissionWith({}, { applicant: { name: '李思远', idNumber: subject.id } });
    expect(await served422(bare)).to.deep.equal([]);
  });

  it('lets the person type what the gateway never served them, and fields no fresh provider locks', async () => {
    const typed = await submissionWith(
      {},
      {
        applicant: { name: '王雨桐', idNumber: subject.id, mobile: '13800000000' },
        contact: { spare: '13800000001' },
        members: [{ idNumber: B }],
      },
    );
    expect(await served422(typed, { served: { 'person.idNumber': subject.id } })).to.deep.equal([]);
    // Served, but the archive comes first there, `x-lock: false`, or in an array: nothing locked.
    expect(await served422(typed)).to.deep.equal([['/applicant/name', 'signature-missing']]);
  });

  it('counts no served value its field would refuse (it is never filled), given checkValue', async () => {
    const typed = await submissionWith({}, { contact: { mobile: '13800000000' } });
    const odd = { ...served, 'person.mobile': '0731-8888' };
    expect(await served422(typed, { served: odd })).to.deep.equal([['/contact/mobile', 'signature-missing']]);
    const checkValue = (field: { schema: { pattern?: unknown } }, value: unknown) =>
      typeof field.schema.pattern !== 'string' || new RegExp(field.schema.pattern).test(String(value));
    expect(await served422(typed, { served: odd, checkValue })).to.deep.equal([]);
  });

  it('checks an organization’s credit code against the subject, and needs the catalogue with served', async () => {
    const org = { kind: 'organization' as const, id: '91430100329458172U' };
    const schema = { type: 'object', properties: { code: { type: 'string', 'x-concept': 'org.creditCode' } } };
    const own = await verifySubmission(
      { subject: org, data: { code: org.id }, provenance: {} },
      { keys, matter: { schema } },
    );
    expect(own.errors).to.deep.equal([]);
    const other = await verifySubmission(
      { subject: org, data: { code: '91430100MA4L16JQ9B' }, provenance: {} },
      { keys, matter: { schema } },
    );
    expect(other.errors.map((e) => [e.pointer, e.code, e.message.en])).to.deep.equal([
      ['/code', 'subject-mismatch', "the identifier is not the applicant's own"],
    ]);
    let caught: unknown;
    await verifySubmission(await honest(), { keys, matter, served }).catch((e: unknown) => (caught = e));
    expect(caught).to.be.instanceOf(TypeError);
  });
});
