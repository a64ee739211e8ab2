// The archive against the browser's real IndexedDB and Web Crypto: what is kept comes back,
// nothing is readable at rest, retention and clearing leave nothing behind, and two tabs'
// drafts never overwrite each other silently.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { Submission } from '@matterform/core';
import { everythingStored } from './stored.test-helpers.js';
import { createArchive, deliverQueued, OutboxCourier, type Archive } from './index.js';

// Synthetic people (GB 11643 checksums hold; nobody real).
const PERSON = { kind: 'person' as const, id: '430102199003150311' };
const OTHER = { kind: 'person' as const, id: '430103198507220469' };
const MOBILE = '13807310002';
const DAY = 24 * 60 * 60 * 1000;

// Nothing listens on port 9 of loopback: the network fails, as offline does.
const UNREACHABLE = 'http://127.0.0.1:9/submissions';

/** A queued submission's minimal body (the gateway is never reached in these tests). */
const submission = (key: string): Submission => ({
  matter: { id: 'residence-permit', version: '1.0.0' },
  subject: PERSON,
  data: {},
  materials: [],
  provenance: {},
  consents: [],
  payloads: [],
  submittedAt: '2026-11-26T09:00:00Z',
  idempotencyKey: key,
});

let serial = 0;
let archives: Archive[] = [];

/** A fresh archive (own database) whose clock the test moves with `clock.at`. */
function freshArchive(name = `archive-test-${Date.now()}-${serial++}`) {
  const clock = { at: Date.parse('2026-11-26T09:00:00Z') };
  const archive = createArchive({ name, now: () => new Date(clock.at), persist: false });
  archives.push(archive);
  return { archive, clock, name };
}

afterEach(async () => {
  for (const archive of archives) await archive.clear();
  archives = [];
});

function pdf(text: string, name = 'hukou.pdf'): File {
  return new File([`%PDF-1.4\n${text}\n%%EOF`], name, { type: 'application/pdf', lastModified: 1_700_000_000_000 });
}

describe('archive: answers by concept', () => {
  it('keeps answers per subject and gives them back as the archive provider', async () => {
    const { archive } = freshArchive();
    await archive.keepAnswers(PERSON, { 'person.mobile': MOBILE, 'person.email': 'jia@example.cn' });
    const signal = new AbortController().signal;
    const answer = await archive.archive({
      concepts: ['person.mobile', 'person.name'],
      materials: [],
      subject: PERSON,
      signal,
    });
    expect(answer.answers).to.deep.equal({ 'person.mobile': { value: MOBILE, updatedAt: '2026-11-26T09:00:00.000Z' } });
    expect(answer.documents).to.deep.equal([]);
    const other = await archive.archive({ concepts: ['person.mobile'], materials: [], subject: OTHER, signal });
    expect(other.answers, 'another person sees nothing of it').to.deep.equal({});
  });

  it('a newer answer replaces the older one', async () => {
    const { archive, clock } = freshArchive();
    await archive.keepAnswers(PERSON, { 'person.mobile': MOBILE });
    clock.at += DAY;
    await archive.keepAnswers(PERSON, { 'person.mobile': '13907310011' });
    expect(await archive.answers(PERSON)).to.deep.equal({
      'person.mobile': { value: '13907310011', updatedAt: '2026-11-27T09:00:00.000Z' },
    });
  });
});

describe('archive: documents by material', () => {
  it('keeps an upload with its name, type, size, date and hash, and gives the same bytes back', async () => {
    const { archive } = freshArchive();
    const file = pdf('户口簿 示例');
    const kept = await archive.keepDocument(PERSON, { material: 'household-register', file, validUntil: '2027-05-26' });
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(kept).to.deep.include({
      material: 'household-register',
      name: 'hukou.pdf',
      type: 'application/pdf',
      sha256,
    });
    const [again] = await archive.documents(PERSON);
    expect(await again?.file.text()).to.equal(await file.text());
    expect(again?.file.name).to.equal('hukou.pdf');
    const signal = new AbortController().signal;
    const answer = await archive.archive({
      concepts: [],
      materials: ['household-register', 'photo'],
      subject: PERSON,
      signal,
    });
    expect(answer.documents).to.deep.equal([
      {
        material: 'household-register',
        uploadedAt: '2026-11-26T09:00:00.000Z',
        validUntil: '2027-05-26',
        name: 'hukou.pdf',
        type: 'application/pdf',
        size: file.size,
        sha256,
      },
    ]);
  });
});

describe('archive: at rest', () => {
  it('stores no answer, name, file byte or ID number in plaintext', async () => {
    const { archive, name } = freshArchive();
    await archive.keepAnswers(PERSON, { 'person.mobile': MOBILE, 'person.name': '甲某某' });
    await archive.keepDocument(PERSON, { material: 'household-register', file: pdf('SECRET-HUKOU-PAGE') });
    await archive.saveDraft(PERSON, {
      matter: { id: 'residence-permit', version: '1.0.0' },
      data: { applicant: { mobile: MOBILE, address: '芙蓉区五一大道100号' } },
      files: [{ material: 'photo', file: pdf('SECRET-DRAFT-FILE', 'zhaopian.pdf') }],
    });
    const stored = await everythingStored(name);
    // The test reads what it meant to: the database holds records, and their matter ids.
    expect(stored).to.contain('residence-permit');
    for (const secret of [
      MOBILE,
      '甲某某',
      'SECRET-HUKOU-PAGE',
      'SECRET-DRAFT-FILE',
      'hukou.pdf',
      'zhaopian.pdf',
      '芙蓉区',
      PERSON.id,
      '0311',
    ]) {
      expect(stored, secret).not.to.contain(secret);
    }
  });

  it('keeps its keys non-extractable', async () => {
    const { archive, name } = freshArchive();
    await archive.keepAnswers(PERSON, { 'person.mobile': MOBILE });
    const db = await openDB(name);
    const keys = (await db.get('keys', 'device')) as { seal: CryptoKey; name: CryptoKey };
    db.close();
    expect(keys.seal.extractable).to.equal(false);
    expect(keys.name.extractable).to.equal(false);
    let refused: unknown;
    await crypto.subtle.exportKey('raw', keys.seal).catch((e: unknown) => (refused = e));
    expect(refused).to.be.instanceOf(DOMException);
  });
});

describe('archive: retention', () => {
  it('drops answers 180 days after their last use, and a use starts the time again', async () => {
    const { archive, clock } = freshArchive();
    await archive.keepAnswers(PERSON, { 'person.mobile': MOBILE, 'person.email': 'jia@example.cn' });
    clock.at += 100 * DAY;
    const signal = new AbortController().signal;
    await archive.archive({ concepts: ['person.mobile'], materials: [], subject: PERSON, signal });
    clock.at += 100 * DAY;
    const counts = await archive.purge();
    expect(counts.answers).to.equal(1);
    expect(Object.keys(await archive.answers(PERSON))).to.deep.equal(['person.mobile']);
    clock.at += 81 * DAY;
    await archive.purge();
    expect(await archive.answers(PERSON)).to.deep.equal({});
  });

  it('never keeps a document past its validUntil, and drops drafts after 30 days', async () => {
    const { archive, clock, name } = freshArchive();
    await archive.keepDocument(PERSON, { material: 'household-register', file: pdf('a'), validUntil: '2026-12-01' });
    await archive.keepDocument(PERSON, { material: 'photo', file: pdf('b', 'p.pdf'), validUntil: null });
    await archive.saveDraft(PERSON, { matter: { id: 'residence-permit', version: '1.0.0' }, data: { a: 1 } });
    clock.at = Date.parse('2026-12-01T23:00:00Z');
    expect((await archive.documents(PERSON)).map((d) => d.material).sort()).to.deep.equal([
      'household-register',
      'photo',
    ]);
    clock.at = Date.parse('2026-12-02T00:00:01Z');
    expect((await archive.documents(PERSON)).map((d) => d.material)).to.deep.equal(['photo']);
    expect(await archive.draft(PERSON, 'residence-permit'), 'a draft lasts 30 days').not.to.equal(undefined);
    clock.at = Date.parse('2026-12-26T09:00:01Z');
    expect(await archive.draft(PERSON, 'residence-permit')).to.equal(undefined);
    const counts = await archive.purge();
    expect(counts).to.deep.include({ documents: 1, drafts: 1 });
    const db = await openDB(name);
    expect(await db.count('documents')).to.equal(1);
    expect(await db.count('drafts')).to.equal(0);
    db.close();
  });
});

describe('archive: drafts', () => {
  const matter = { id: 'residence-permit', version: '1.0.0' };

  it('saves and restores a draft with its files and state, revision by revision', async () => {
    const { archive } = freshArchive();
    const first = await archive.saveDraft(PERSON, { matter, data: { a: 1 } }, null);
    expect(first).to.deep.equal({ saved: true, revision: 1 });
    const second = await archive.saveDraft(
      PERSON,
      { matter, data: { a: 2 }, state: { step: 1 }, files: [{ material: 'photo', file: pdf('x', 'x.pdf') }] },
      1,
    );
    expect(second).to.deep.equal({ saved: true, revision: 2 });
    const draft = await archive.draft(PERSON, 'residence-permit');
    expect(draft).to.deep.include({ matter, data: { a: 2 }, state: { step: 1 }, revision: 2 });
    expect(draft?.files?.[0]?.material).to.equal('photo');
    expect(await draft?.files?.[0]?.file.text()).to.contain('x');
    await archive.discardDraft(PERSON, 'residence-permit');
    expect(await archive.draft(PERSON, 'residence-permit')).to.equal(undefined);
  });

  it('refuses a save based on a revision another tab has overtaken, and tells that tab', async () => {
    const { archive, clock, name } = freshArchive();
    // Another tab: its own connection and channel over the same database, on the same clock.
    const otherTab = createArchive({ name, now: () => new Date(clock.at), persist: false });
    const heard: number[] = [];
    const stop = otherTab.watchDraft(PERSON, 'residence-permit', (revision) => heard.push(revision));
    await archive.saveDraft(PERSON, { matter, data: { typedHere: 'one' } }, null);
    const theirs = await otherTab.saveDraft(PERSON, { matter, data: { typedThere: 'two' } }, null);
    expect(theirs.saved, 'the other tab started from nothing, but there is a draft now').to.equal(false);
    if (!theirs.saved) expect(theirs.newer?.data).to.deep.equal({ typedHere: 'one' });
    await waitFor(() => heard.length > 0);
    expect(heard).to.deep.equal([1]);
    stop();
    otherTab.close();
  });
});

describe('archive: the outbox', () => {
  it('keeps a queued submission and its files until it is sent, waiting after a failure', async () => {
    const { archive } = freshArchive();
    const file = pdf('upload');
    await archive.enqueue(PERSON, {
      action: UNREACHABLE,
      submission: submission('k-1'),
      files: [{ part: 'abc', file }],
    });
    const [queued] = await archive.queued(PERSON);
    expect(queued).to.deep.include({ key: 'k-1', action: UNREACHABLE, attempts: 0 });
    expect(await queued?.files[0]?.file.text()).to.equal(await file.text());
    const outcomes = await deliverQueued(archive, { ...PERSON, token: `demo:${PERSON.id}` });
    expect(outcomes).to.have.length(1);
    expect(outcomes[0]).to.deep.include({ status: 'waiting', attempts: 1 });
    const [still] = await archive.queued(PERSON);
    expect(still?.attempts).to.equal(1);
    expect(still?.nextAttemptAt).to.be.greaterThan(Date.now());
    expect(await deliverQueued(archive, PERSON), 'not due yet').to.deep.equal([]);
    expect(await archive.queued(OTHER), "another person's outbox is empty").to.deep.equal([]);
  });
});

describe('archive: sent submissions', () => {
  it('remembers an acknowledged submission with its reference, matter and dates, sealed, for a year', async () => {
    const { archive, name, clock } = freshArchive();
    const title = { 'zh-CN': '居住证申领', en: 'Residence permit application' };
    await archive.enqueue(PERSON, { action: UNREACHABLE, submission: submission('k-2'), files: [], title });
    expect((await archive.queued(PERSON))[0]?.title).to.deep.equal(title);
    await archive.markSent('k-2', { reference: 'RPXK7M3A2C', receivedAt: '2026-11-26T09:00:05Z' });
    expect(await archive.queued(PERSON), 'out of the outbox').to.deep.equal([]);
    expect(await archive.sent(PERSON)).to.deep.equal([
      {
        key: 'k-2',
        reference: 'RPXK7M3A2C',
        action: UNREACHABLE,
        matter: { id: 'residence-permit', version: '1.0.0', title },
        submittedAt: '2026-11-26T09:00:00Z',
        receivedAt: '2026-11-26T09:00:05Z',
      },
    ]);
    expect(await archive.sent(OTHER)).to.deep.equal([]);
    expect(await everythingStored(name))
      .not.to.contain('RPXK7M3A2C')
      .and.not.to.contain('居住证');
    clock.at += 366 * DAY;
    expect(await archive.sent(PERSON), 'past its year').to.deep.equal([]);
    expect((await archive.purge()).sent).to.equal(1);
  });

  it('opens a database an earlier version made (without `sent`) and goes on working in it', async () => {
    const name = `archive-test-v1-${Date.now()}-${serial++}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('keys', { keyPath: 'id' });
        db.createObjectStore('answers', { keyPath: 'subject' }).createIndex('expiresAt', 'expiresAt');
        const documents = db.createObjectStore('documents', { keyPath: ['subject', 'material'] });
        documents.createIndex('subject', 'subject');
        documents.createIndex('expiresAt', 'expiresAt');
        db.createObjectStore('drafts', { keyPath: ['subject', 'matter'] }).createIndex('expiresAt', 'expiresAt');
        db.createObjectStore('outbox', { keyPath: 'key' }).createIndex('subject', 'subject');
      },
    });
    v1.close();
    const { archive } = freshArchive(name);
    await archive.keepAnswers(PERSON, { 'person.mobile': MOBILE });
    expect(await archive.sent(PERSON)).to.deep.equal([]);
    archive.close();
    const reopened = freshArchive(name).archive;
    expect((await reopened.answers(PERSON))['person.mobile']?.value).to.equal(MOBILE);
  });
});

describe('archive: the outbox courier', () => {
  it('tries again at once when the browser comes back online', async () => {
    const { archive } = freshArchive();
    await archive.enqueue(PERSON, { action: UNREACHABLE, submission: submission('k-online'), files: [] });
    const reports: string[] = [];
    const courier = new OutboxCourier(archive, (outcome) => reports.push(outcome.status));
    courier.start(PERSON);
    await waitFor(() => reports.length === 1);
    const [first] = await archive.queued(PERSON);
    expect(first?.attempts).to.equal(1);
    expect(first?.nextAttemptAt, 'the next try waits').to.be.greaterThan(Date.now() + 1000);
    // Back online: no waiting for the timer.
    window.dispatchEvent(new Event('online'));
    await waitFor(() => reports.length === 2);
    expect(reports).to.deep.equal(['waiting', 'waiting']);
    expect((await archive.queued(PERSON))[0]?.attempts).to.equal(2);
    courier.stop();
  });
});

describe('archive: tabs take turns', () => {
  it('does not send a submission another tab is sending', async () => {
    const { archive, name } = freshArchive();
    const otherTab = createArchive({ name, persist: false });
    await archive.enqueue(PERSON, { action: UNREACHABLE, submission: submission('k-tabs'), files: [] });
    // This tab holds the submission's lock, as it does while its POST is in flight.
    await navigator.locks.request(`${name}:outbox:k-tabs`, async () => {
      expect(await deliverQueued(otherTab, PERSON, { all: true })).to.deep.equal([]);
    });
    expect((await archive.queued(PERSON))[0]?.attempts, 'the other tab did not try').to.equal(0);
    const [outcome] = await deliverQueued(otherTab, PERSON, { all: true });
    expect(outcome?.status, 'once the lock is free, it does').to.equal('waiting');
    otherTab.close();
  });
});

describe('archive: clear()', () => {
  it('leaves nothing: no database, no answers, no documents, no drafts, no outbox', async () => {
    const { archive, name } = freshArchive();
    await archive.keepAnswers(PERSON, { 'person.mobile': MOBILE });
    await archive.keepDocument(PERSON, { material: 'photo', file: pdf('p', 'p.pdf') });
    await archive.saveDraft(PERSON, { matter: { id: 'm', version: '1.0.0' }, data: { a: 1 } });
    await archive.clear();
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(name);
    // Used again, it starts empty (with new keys).
    expect(await archive.answers(PERSON)).to.deep.equal({});
    expect(await archive.documents(PERSON)).to.deep.equal([]);
    expect(await archive.draft(PERSON, 'm')).to.equal(undefined);
    expect(await archive.queued(PERSON)).to.deep.equal([]);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition(), 'waited 2 s').to.equal(true);
}
