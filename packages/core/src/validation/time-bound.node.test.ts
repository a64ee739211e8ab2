// Where a pattern still runs on untrusted text in Node (fixtures, the mock gateway), a time
// bound stops one the loader never saw instead of hanging the process.
import { expect } from 'chai';
import { checkFixtures } from '../catalogue/fixtures.js';
import { loadCatalogueFiles } from '../catalogue/catalogue.js';
import { sampleCatalogueFiles } from '../catalogue/sample-files.test-helpers.js';
import type { Catalogue, Fixtures } from '../generated/catalogue.js';
import { TimeBoundExceeded, withinTime } from './time-bound.js';
import { compileSchema } from './validate.js';

const HOSTILE = `${'a'.repeat(40)}!`;

describe('withinTime', () => {
  it('stops a catastrophic pattern and leaves the thread free; quick work returns its value', () => {
    const validate = compileSchema({ type: 'string', pattern: '^(a+)+$' });
    expect(() => withinTime(() => validate(HOSTILE), 200)).to.throw(TimeBoundExceeded, 'longer than 200 ms');
    expect(withinTime(() => validate('aaa').valid, 200)).to.equal(true);
    expect(() =>
      withinTime(() => {
        throw new RangeError('own error');
      }),
    ).to.throw(RangeError, 'own error');
  });

  it('turns a fixture value checked against a catastrophic concept pattern into an error', async () => {
    const { catalogue } = loadCatalogueFiles(await sampleCatalogueFiles());
    // Given as an object, as a host may: the loader's ReDoS check never saw this pattern.
    const hostile: Catalogue = {
      ...catalogue,
      concepts: catalogue.concepts.map((c) =>
        c.id === 'household.number' ? { ...c, schema: { type: 'string', pattern: '^(a+)+$' } } : c,
      ),
    };
    const fixtures: Fixtures = {
      subjects: [
        {
          subject: { kind: 'person', id: '430102199003150311' },
          label: 'synthetic',
          sources: { 'hn-household': { hh: HOSTILE } },
        },
      ],
    } as Fixtures;
    const check = checkFixtures(fixtures, hostile, {
      file: 'fixtures.json',
      bound: (work) => withinTime(work, 200),
    });
    expect(check.ok).to.equal(false);
    expect(
      check.problems.filter((p) => p.code === 'fixture-check-timed-out').map((p) => [p.file, p.pointer]),
    ).to.deep.equal([['fixtures.json', '/subjects/0/sources/hn-household/hh']]);
  });
});
