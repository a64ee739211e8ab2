import { expect } from 'chai';
import { loadCatalogue } from './catalogue.js';
import { checkFixtures } from './fixtures.js';
import { cnIdNumberCheck, cnUsccCheck, organizationCodeCheck } from '../validation/formats.js';
import type { Catalogue } from '../generated/catalogue.js';
import { expectProblem, sample } from './sample-catalogue.test-helpers.js';

const personId = (body17: string) => body17 + cnIdNumberCheck(body17);
const companyId = (prefix8: string, org8: string) => {
  const body = prefix8 + org8 + organizationCodeCheck(org8);
  return body + cnUsccCheck(body);
};

const APPLICANT = personId('43010219900307743');
const COMPANY = companyId('91430100', 'MA4L16JQ');

function fixtures() {
  return {
    subjects: [
      {
        subject: { kind: 'person', id: APPLICANT },
        label: 'synthetic applicant A',
        sources: { 'mps-population': { xm: '测试甲', xb: '1' } },
        licences: [
          {
            type: 'resident-id-card',
            number: APPLICANT,
            issuedAt: '2020-05-01',
            validUntil: '2040-05-01',
            data: { name: '测试甲', number: APPLICANT },
          },
        ],
        archive: {
          answers: { 'person.gender': '1' },
          documents: [
            { material: 'rental-contract', uploadedAt: '2026-03-01', validUntil: '2027-03-01', name: 'contract.pdf' },
          ],
        },
      },
      {
        subject: { kind: 'organization', id: COMPANY, actor: { id: APPLICANT, name: '测试甲' } },
        label: 'synthetic company A',
      },
    ],
  };
}

type F = ReturnType<typeof fixtures>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const subject = (f: F, i: number) => f.subjects[i] as any;

const catalogue = (): Catalogue => loadCatalogue(sample()).catalogue;

describe('checkFixtures', () => {
  it('accepts synthetic subjects whose identifiers pass their checksums', () => {
    const check = checkFixtures(fixtures(), catalogue());
    expect(check.problems).to.deep.equal([]);
    expect(check.ok).to.equal(true);
    expect(check.fixtures?.subjects).to.have.length(2);
  });

  const errors: [string, (f: F) => void, { code: string; pointer: string }][] = [
    [
      'a person whose ID check digit is wrong',
      (f) => (subject(f, 0).subject.id = APPLICANT.slice(0, 17) + (APPLICANT.endsWith('1') ? '2' : '1')),
      { code: 'subject-id-invalid', pointer: '/subjects/0/subject/id' },
    ],
    [
      'a company whose credit code check is wrong',
      (f) => (subject(f, 1).subject.id = COMPANY.slice(0, 17) + (COMPANY.endsWith('A') ? 'B' : 'A')),
      { code: 'subject-id-invalid', pointer: '/subjects/1/subject/id' },
    ],
    [
      'an actor with a bad ID number',
      (f) => (subject(f, 1).subject.actor.id = '430102199002301234'),
      { code: 'subject-id-invalid', pointer: '/subjects/1/subject/actor/id' },
    ],
    [
      'a duplicate subject',
      (f) => f.subjects.push(structuredClone(f.subjects[0]) as never),
      { code: 'duplicate-subject', pointer: '/subjects/2/subject/id' },
    ],
    [
      'data for an unknown source',
      (f) => (subject(f, 0).sources['city-housing'] = {}),
      { code: 'unknown-source', pointer: '/subjects/0/sources/city-housing' },
    ],
    [
      'a licence of an unknown type',
      (f) => (subject(f, 0).licences[0].type = 'passport'),
      { code: 'unknown-licence', pointer: '/subjects/0/licences/0/type' },
    ],
    [
      'a personal licence held by a company',
      (f) => (subject(f, 1).licences = [{ ...subject(f, 0).licences[0] }]),
      { code: 'licence-holder', pointer: '/subjects/1/licences/0/type' },
    ],
    [
      'a licence that ends before it begins',
      (f) => (subject(f, 0).licences[0].validUntil = '2019-01-01'),
      { code: 'licence-dates', pointer: '/subjects/0/licences/0/validUntil' },
    ],
    [
      'an archive answer for an unknown concept',
      (f) => (subject(f, 0).archive.answers['person.shoeSize'] = 42),
      { code: 'unknown-concept', pointer: '/subjects/0/archive/answers/person.shoeSize' },
    ],
    [
      'a subject without a label',
      (f) => delete subject(f, 0).label,
      { code: 'meta-required', pointer: '/subjects/0/label' },
    ],
  ];
  for (const [name, breakIt, expected] of errors) {
    it(`rejects ${name}`, () => {
      const f = fixtures();
      breakIt(f);
      const check = checkFixtures(f, catalogue(), { file: 'fx.json' });
      expect(check.ok).to.equal(false);
      expectProblem(check, { severity: 'error', file: 'fx.json', ...expected });
    });
  }

  it('warns on a provider value its concept rejects, which a test may plant on purpose', () => {
    const f = fixtures();
    subject(f, 0).sources['mps-population'].xb = '9';
    const check = checkFixtures(f, catalogue());
    expect(check.ok).to.equal(true);
    expectProblem(check, {
      severity: 'warning',
      code: 'fixture-value-invalid',
      pointer: '/subjects/0/sources/mps-population/xb',
    });
  });

  it('does not read values from a source entry that answers a status', () => {
    const f = fixtures();
    subject(f, 0).sources['mps-population'] = { $status: 503, $delayMs: 800 };
    expect(checkFixtures(f, catalogue()).problems).to.deep.equal([]);
  });

  it('warns on an archived document of a material no matter uses', () => {
    const f = fixtures();
    subject(f, 0).archive.documents[0].material = 'birth-certificate';
    expectProblem(checkFixtures(f, catalogue()), {
      severity: 'warning',
      code: 'unknown-material',
      pointer: '/subjects/0/archive/documents/0/material',
    });
  });
});
