import { expect } from 'chai';
import { immutableJSONPatch, revertJSONPatch } from 'immutable-json-patch';
import { collectFields, getAt, matterProblems, rateMatter, type Catalogue, type Matter } from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';
import { collectTexts } from '../document/texts.js';
import { adviseMatter, ratingFixes } from './advice.js';
import type { Patch } from '../document/design-document.js';
import type { DesignProblem } from '../panels/context.js';

const folder = new URL('../../../../schemas/catalogue', import.meta.url).pathname;

let catalogue: Catalogue;
before(async () => {
  const load = await loadCatalogueFrom(folder);
  expect(load.errors).to.deep.equal([]);
  catalogue = load.catalogue;
});

function sampleMatter(id: string): Matter {
  return structuredClone(catalogue.matters.find((m) => m.id === id)) as Matter;
}

function apply(matter: Matter, patch: Patch): Matter {
  return immutableJSONPatch(matter as never, patch) as unknown as Matter;
}

/** The matter without the `x-concept` of the property declared at `schemaPointer` (a schema location). */
function withoutConcept(matter: Matter, schemaPointer: string): Matter {
  return apply(matter, [{ op: 'remove', path: `/schema${schemaPointer}/x-concept` }]);
}

function errorsOf(matter: Matter): string[] {
  return matterProblems(matter, catalogue)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.code} ${p.pointer}`);
}

/** The value the fix's first operation adds: the concept a bind fix proposes. */
function valueOf(problem: DesignProblem): unknown {
  const op = problem.fix?.patch[0];
  return op && 'value' in op ? op.value : undefined;
}

/** Applies the fix, then its inverse: the document must come back byte for byte. */
function expectRevertible(matter: Matter, problem: DesignProblem): Matter {
  const patch = problem.fix?.patch as Patch;
  const fixed = apply(matter, patch);
  const inverse = revertJSONPatch(matter as never, patch);
  expect(JSON.stringify(apply(fixed, inverse)), `${problem.code} ${problem.pointer}`).to.equal(JSON.stringify(matter));
  return fixed;
}

describe('adviseMatter: concepts', () => {
  it('proposes back the concept taken off a field, and the fix restores the document and its rating', () => {
    const original = sampleMatter('residence-permit');
    const location = '/properties/applicant/properties/mobile';
    const stripped = withoutConcept(original, location);
    const advice = adviseMatter(stripped, catalogue).filter((a) => a.code === 'advice-concept');
    expect(advice).to.have.length(1);
    const [found] = advice as [DesignProblem];
    expect(found.severity).to.equal('warning');
    expect(found.pointer).to.equal(`/schema${location}`);
    expect(found.fix?.label).to.deep.equal({ 'zh-CN': '绑定数据元 person.mobile', en: 'Bind concept person.mobile' });
    expect(found.fix?.patch).to.deep.equal([
      { op: 'add', path: `/schema${location}/x-concept`, value: 'person.mobile' },
    ]);
    const fixed = expectRevertible(stripped, found);
    expect(fixed).to.deep.equal(original);
    expect(rateMatter(fixed, catalogue)).to.deep.equal(rateMatter(original, catalogue));
    expect(adviseMatter(fixed, catalogue).filter((a) => a.code === 'advice-concept')).to.deep.equal([]);
  });

  it('never proposes another concept than the one a sample field had, and finds nearly all of them', () => {
    let found = 0;
    let total = 0;
    for (const matter of catalogue.matters) {
      for (const field of collectFields(matter.schema as never)) {
        if (!field.concept || field.inArray || field.schema['x-fill'] === false) continue;
        total++;
        const stripped = withoutConcept(matter, field.schemaPointer);
        const proposal = adviseMatter(stripped, catalogue).find(
          (a) => a.code === 'advice-concept' && a.pointer === `/schema${field.schemaPointer}`,
        );
        if (!proposal) continue;
        expect(proposal.fix?.patch, `${matter.id} ${field.pointer}`).to.deep.equal([
          { op: 'add', path: `/schema${field.schemaPointer}/x-concept`, value: field.concept },
        ]);
        expect(apply(stripped, proposal.fix?.patch as Patch), `${matter.id} ${field.pointer}`).to.deep.equal(matter);
        found++;
      }
    }
    expect(total).to.be.above(100);
    expect(found / total).to.be.at.least(0.9);
  });

  it('knows a concept by its aliases (联系电话 for 手机号码), and without them proposes nothing', () => {
    const matter = apply(sampleMatter('residence-permit'), [
      {
        op: 'add',
        path: '/schema/properties/applicant/properties/phone',
        value: { type: 'string', title: '联系电话' },
      },
    ]);
    const proposals = (c: Catalogue) =>
      adviseMatter(matter, c).filter((a) => a.pointer === '/schema/properties/applicant/properties/phone');
    expect(catalogue.concepts.find((c) => c.id === 'person.mobile')?.aliases?.['zh-CN']).to.include('联系电话');
    expect(proposals(catalogue).map((a) => a.fix?.patch)).to.deep.equal([
      [{ op: 'add', path: '/schema/properties/applicant/properties/phone/x-concept', value: 'person.mobile' }],
    ]);
    const withoutAliases: Catalogue = {
      ...catalogue,
      concepts: catalogue.concepts.map(({ aliases: _aliases, ...c }) => c),
    };
    expect(proposals(withoutAliases)).to.deep.equal([]);
  });

  it('matches Chinese titles by character bigrams (初次领证的日期 is 初次领证日期), not unlike ones', () => {
    const withField = (title: string) =>
      apply(sampleMatter('driving-licence-renewal'), [
        {
          op: 'add',
          path: '/schema/properties/licence/properties/start',
          value: { type: 'string', format: 'date', title },
        },
      ]);
    const proposed = (title: string) =>
      adviseMatter(withField(title), catalogue)
        .filter((a) => a.pointer === '/schema/properties/licence/properties/start')
        .map(valueOf);
    expect(proposed('初次领证的日期')).to.deep.equal(['driverLicence.firstIssued']);
    expect(proposed('入学日期')).to.deep.equal([]);
  });

  it('finds the applicant’s own data in the first object that holds their ID number, not in a later one', () => {
    const matter = apply(sampleMatter('household-migration'), [
      { op: 'remove', path: '/schema/properties/applicant/properties/name/x-concept' },
    ]);
    const proposed = adviseMatter(matter, catalogue)
      .filter((a) => a.code === 'advice-concept')
      .map((a) => [a.pointer, valueOf(a)]);
    expect(proposed).to.deep.include(['/schema/properties/applicant/properties/name', 'person.name']);
    // /kin (姓名, 公民身份号码, shown for one route) is another person's: nothing proposed there.
    expect(proposed.filter(([pointer]) => String(pointer).includes('/kin/'))).to.deep.equal([]);
  });

  it('names a register’s record by its title wherever it sits, a party’s data only by its place', () => {
    const matter = apply(sampleMatter('residence-permit'), [
      {
        op: 'add',
        path: '/schema/properties/extra',
        value: {
          type: 'object',
          properties: {
            licence: { type: 'string', title: '驾驶证号' },
            name: { type: 'string', title: '姓名' },
          },
        },
      },
    ]);
    const proposed = adviseMatter(matter, catalogue)
      .filter((a) => a.code === 'advice-concept' && a.pointer.startsWith('/schema/properties/extra/'))
      .map((a) => [a.pointer, valueOf(a)]);
    expect(proposed).to.deep.equal([['/schema/properties/extra/properties/licence', 'driverLicence.number']]);
  });

  it('proposes nothing for a field typed on purpose (x-fill: false)', () => {
    const original = sampleMatter('residence-permit');
    const location = '/properties/applicant/properties/mobile';
    const typedOnPurpose = apply(withoutConcept(original, location), [
      { op: 'add', path: `/schema${location}/x-fill`, value: false },
    ]);
    expect(adviseMatter(typedOnPurpose, catalogue).filter((a) => a.code === 'advice-concept')).to.deep.equal([]);
  });
});

describe('adviseMatter: typed fields the rating counts', () => {
  // More than three required fields typed by hand make the apply stage yellow (SPEC §4); the
  // sample types two itself (/residence/since, /school).
  const typedByHand = ['name', 'mobile'].map((n) => `/properties/applicant/properties/${n}`);

  it('says the rating counts a typed field, with the bind fix when a concept matches', () => {
    const matter = typedByHand.reduce(withoutConcept, sampleMatter('residence-permit'));
    expect(rateMatter(matter, catalogue).stages.apply.colour).to.equal('yellow');
    const mobile = adviseMatter(matter, catalogue).find(
      (a) => a.pointer === `/schema${typedByHand[1]}`,
    ) as DesignProblem;
    expect(mobile.code).to.equal('advice-concept');
    expect(mobile.message.en).to.match(/\(rating: field "Mobile number" \(\/applicant\/mobile\) has no concept/);
    expect(mobile.fix?.patch).to.deep.equal([
      { op: 'add', path: `/schema${typedByHand[1]}/x-concept`, value: 'person.mobile' },
    ]);
    // The school has no concept in the catalogue: advice without a fix, naming what it costs.
    const school = adviseMatter(matter, catalogue).filter((a) => a.code === 'advice-typed-field');
    expect(school.map((a) => [a.pointer, a.fix])).to.deep.equal([
      ['/schema/allOf/3/then/properties/school', undefined],
    ]);
    expect(school[0]?.message.en).to.contain('no concept in the catalogue matches it');
  });

  it('says nothing of the kind while the hand-typed fields are few enough to keep the stage green', () => {
    const matter = withoutConcept(sampleMatter('residence-permit'), typedByHand[1] as string);
    expect(rateMatter(matter, catalogue).stages.apply.colour).to.equal('green');
    const advice = adviseMatter(matter, catalogue);
    expect(advice.filter((a) => a.code === 'advice-typed-field')).to.deep.equal([]);
    const mobile = advice.find((a) => a.pointer === `/schema${typedByHand[1]}`);
    expect(mobile?.message.en).to.not.contain('rating');
    expect(
      adviseMatter(sampleMatter('residence-permit'), catalogue).filter((a) => a.code === 'advice-typed-field'),
    ).to.deep.equal([]);
  });
});

describe('adviseMatter: materials', () => {
  it('proposes the licence type a material is named after, and listing it spares the upload', () => {
    const matter = sampleMatter('company-name-change');
    const advice = adviseMatter(matter, catalogue).filter((a) => a.code === 'advice-material-licence');
    expect(advice.map((a) => [a.pointer, a.fix?.patch])).to.deep.equal([
      ['/materials/3/title', [{ op: 'add', path: '/materials/3/licences', value: ['business-licence'] }]],
    ]);
    expect(advice[0]?.message.en).to.contain('"Business licence"');
    expectRevertible(matter, advice[0] as DesignProblem);
  });

  it('proposes back a licence type taken off a material named after it', () => {
    const original = sampleMatter('residence-permit');
    const index = (original.materials ?? []).findIndex((m) => m.id === 'resident-id-card');
    const listed = original.materials?.[index]?.licences ?? [];
    expect(listed).to.include('resident-id-card');
    const stripped = apply(original, [
      { op: 'replace', path: `/materials/${index}/licences`, value: listed.filter((id) => id !== 'resident-id-card') },
    ]);
    const advice = adviseMatter(stripped, catalogue).filter((a) => a.code === 'advice-material-licence');
    expect(advice).to.have.length(1);
    const fixed = expectRevertible(stripped, advice[0] as DesignProblem);
    expect(new Set(fixed.materials?.[index]?.licences)).to.deep.equal(new Set(listed));
  });

  it('proposes nothing for a material that lists it already, or one named like no licence type or source', () => {
    const matter = sampleMatter('company-name-change');
    const listed = apply(matter, [{ op: 'add', path: '/materials/3/licences', value: ['business-licence'] }]);
    const material = (m: Matter) => adviseMatter(m, catalogue).filter((a) => a.code?.startsWith('advice-material'));
    expect(material(listed)).to.deep.equal([]);
    const renamed = apply(matter, [
      { op: 'replace', path: '/materials/3/title', value: { 'zh-CN': '股东会决议', en: 'Shareholders’ resolution' } },
    ]);
    expect(material(renamed)).to.deep.equal([]);
  });
});

describe('adviseMatter: text in both languages', () => {
  it('warns, without a fix, where a text has one language and not the other', () => {
    const matter = apply(sampleMatter('residence-permit'), [
      { op: 'replace', path: '/title', value: '居住证申领' },
      { op: 'remove', path: '/schema/properties/applicant/properties/name/x-i18n/en/title' },
      { op: 'replace', path: '/layout/steps/0/title', value: { en: 'Applicant' } },
    ]);
    const missing = adviseMatter(matter, catalogue).filter((a) => a.code === 'text-missing');
    expect(missing.map((a) => [a.pointer, a.message.en])).to.deep.equal([
      ['/title', 'Matter title has Chinese text but no English text'],
      ['/layout/steps/0/title', 'Step 1 · title has English text but no Chinese text'],
      ['/schema/properties/applicant/properties/name/title', 'Field 姓名 · title has Chinese text but no English text'],
    ]);
    for (const problem of missing) expect(problem.fix).to.equal(undefined);
    expect(
      adviseMatter(sampleMatter('residence-permit'), catalogue).filter((a) => a.code === 'text-missing'),
    ).to.deep.equal([]);
  });

  it('names exactly the texts the translations view marks missing, option titles and untitled fields too', () => {
    const matter = apply(sampleMatter('residence-permit'), [
      { op: 'remove', path: '/schema/properties/applicant/properties/name/title' },
      { op: 'remove', path: '/schema/properties/applicant/properties/name/x-i18n' },
    ]);
    const missing = adviseMatter(matter, catalogue).filter((a) => a.code === 'text-missing');
    const marked = collectTexts(matter).filter((t) => t.missing !== null);
    expect(marked.length).to.be.above(0);
    expect(missing.map((a) => a.pointer)).to.deep.equal(marked.map((t) => t.pointer));
    expect(missing.map((a) => a.message.en)).to.include('Field name · title has no text');
  });
});

describe('ratingFixes', () => {
  it('binds typed fields to their concepts, and the colour follows rateMatter', () => {
    const original = sampleMatter('residence-permit');
    expect(rateMatter(original, catalogue).stages.apply.colour).to.equal('green');
    // More than three required fields typed by hand make the apply stage yellow (SPEC §4).
    const locations = ['name', 'idNumber', 'mobile', 'birthDate'].map((n) => `/properties/applicant/properties/${n}`);
    let matter = locations.reduce(withoutConcept, original);
    const before = rateMatter(matter, catalogue);
    expect(before.stages.apply.colour).to.equal('yellow');
    const fixes = ratingFixes(matter, catalogue, before);
    expect(fixes.map((f) => f.fix?.patch[0]?.path)).to.have.members(locations.map((l) => `/schema${l}/x-concept`));
    expect(fixes.find((f) => f.pointer.endsWith('/mobile'))?.fix?.label).to.deep.equal({
      'zh-CN': '将字段“手机号码”绑定到 person.mobile',
      en: 'Bind field "Mobile number" to person.mobile',
    });
    const colours: string[] = [];
    for (const fix of fixes) {
      matter = expectRevertible(matter, fix);
      colours.push(rateMatter(matter, catalogue).stages.apply.colour);
    }
    // The sample types two fields itself (/residence/since, /school): 6, 5, 4 typed are yellow, 3 is green.
    expect(colours).to.deep.equal(['yellow', 'yellow', 'green', 'green']);
    expect(matter).to.deep.equal(original);
  });

  it('adds an output for a back-office system that has none, and the review stage turns green', () => {
    const matter = sampleMatter('household-register-replacement');
    const rating = rateMatter(matter, catalogue);
    expect(rating.stages.review.colour).to.equal('yellow');
    const fix = ratingFixes(matter, catalogue, rating).find((f) => f.code === 'rating-add-output') as DesignProblem;
    expect(fix.fix?.label.en).to.equal('Add an output for system certificate-printing');
    const fixed = expectRevertible(matter, fix);
    expect(fixed.outputs?.at(-1)?.system).to.equal('certificate-printing');
    expect(rateMatter(fixed, catalogue).stages.review.colour).to.equal('green');
  });

  it('maps an added output’s keys the way other matters send the same system', () => {
    const matter = sampleMatter('residence-permit');
    const output = matter.outputs?.[0];
    expect(output).to.exist;
    const other = apply(matter, [
      { op: 'replace', path: '/id', value: 'residence-permit-copy' },
      { op: 'remove', path: '/outputs/0' },
    ]);
    const withCopy = { ...catalogue, matters: [...catalogue.matters, other] };
    const fix = ratingFixes(other, withCopy, rateMatter(other, withCopy)).find(
      (f) => f.code === 'rating-add-output' && f.fix?.label.en.endsWith(` ${output?.system}`),
    );
    const added = (fix?.fix?.patch[0] as { value: { template: Record<string, string> } }).value;
    const expected = Object.fromEntries(
      Object.entries(output?.template as Record<string, unknown>).filter(
        ([, v]) => typeof v === 'string' && /^\{\/[^{}]*\}$/.test(v),
      ),
    );
    // Every key the original sends, mapped to the same field; other matters may add keys of their own.
    expect(added.template).to.include(expected);
    expect(Object.keys(expected)).to.have.length.above(5);
  });

  it('gives every sample matter fixes that apply cleanly, revert exactly and add no error', () => {
    for (const matter of catalogue.matters) {
      const errors = errorsOf(matter);
      for (const fix of ratingFixes(matter, catalogue, rateMatter(matter, catalogue))) {
        expect(fix.severity).to.equal('warning');
        const fixed = expectRevertible(matter, fix);
        expect(errorsOf(fixed), `${matter.id} ${fix.fix?.label.en}`).to.deep.equal(errors);
        expect(getAt(matter, fix.pointer), `${matter.id} ${fix.pointer}`).to.not.equal(undefined);
      }
      for (const advice of adviseMatter(matter, catalogue)) {
        expect(getAt(matter, advice.pointer), `${matter.id} ${advice.pointer}`).to.not.equal(undefined);
        if (!advice.fix) continue;
        expect(errorsOf(expectRevertible(matter, advice)), `${matter.id} ${advice.fix.label.en}`).to.deep.equal(errors);
      }
    }
  });
});
