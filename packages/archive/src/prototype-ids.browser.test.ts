// Concept and material ids are document text: asked for `constructor` or `toString`, the
// archive has an answer only when one was kept under that name (issue 17).
import { expect } from '@open-wc/testing';
import { createArchive, type Archive } from './index.js';

const SUBJECT = { kind: 'person', id: '430102199003077433' } as const;
let archive: Archive | undefined;

afterEach(async () => {
  await archive?.clear();
  archive = undefined;
});

describe('archive: ids that are Object.prototype names', () => {
  it('answers constructor and toString only when they were kept', async () => {
    const at = Date.parse('2026-11-26T09:00:00Z');
    archive = createArchive({ name: `archive-prototype-ids-${at}`, now: () => new Date(at), persist: false });
    await archive.keepAnswers(SUBJECT, { 'person.mobile': '13900000002' });
    const ask = (concepts: string[]) =>
      (archive as Archive).archive({
        subject: SUBJECT,
        concepts,
        materials: ['constructor'],
        signal: new AbortController().signal,
      });
    const first = await ask(['constructor', 'toString', 'person.mobile']);
    expect(Object.keys(first.answers)).to.deep.equal(['person.mobile']);
    expect(first.documents).to.deep.equal([]);
    expect(Object.hasOwn(Object, 'usedAt')).to.equal(false);

    await archive.keepAnswers(SUBJECT, JSON.parse('{"constructor": "kept"}') as Record<string, unknown>);
    const second = await ask(['constructor', 'toString']);
    expect(Object.keys(second.answers)).to.deep.equal(['constructor']);
    expect(Object.values(second.answers).map((a) => a.value)).to.deep.equal(['kept']);
  });
});
