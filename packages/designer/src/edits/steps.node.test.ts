import { expect } from 'chai';
import { immutableJSONPatch } from 'immutable-json-patch';
import type { Matter } from '@matterform/core';
import { addStep, moveFieldToStep, moveStep, removeStep, setStepId, setStepText } from './steps.js';
import { blankMatter, expectEdit, sameDocument, sampleMatter } from './edits.test-helpers.js';

function fieldsOf(matter: Matter): string[][] {
  return (matter.layout?.steps ?? []).map((step) => step.fields);
}

/** A blank matter with two fields and no layout. */
function twoFields(): Matter {
  const matter = blankMatter();
  matter.schema.properties = { name: { type: 'string', title: '姓名' }, mobile: { type: 'string', title: '手机号码' } };
  return matter;
}

describe('designer edits: steps', () => {
  it('gives a matter without steps a first step holding every top-level field, branch fields too', async () => {
    const blank = twoFields();
    const first = await expectEdit(blank, addStep(blank, '申请人'));
    sameDocument(first.layout, { steps: [{ title: '申请人', fields: ['/name', '/mobile'] }] });

    const matter = await sampleMatter('residence-permit');
    delete matter.layout;
    const after = await expectEdit(matter, addStep(matter, { 'zh-CN': '填写', en: 'Fill in' }));
    expect(fieldsOf(after)).to.have.length(1);
    expect(fieldsOf(after)[0]).to.have.members([
      '/applicant',
      '/hukou',
      '/residence',
      '/housing',
      '/basis',
      '/useIdCardPhoto',
      '/rental',
      '/property',
      '/employer',
      '/school',
    ]);
  });

  it('adds an empty step at the end or at a place', async () => {
    const matter = await sampleMatter('residence-permit');
    const last = await expectEdit(matter, addStep(matter, '确认'));
    sameDocument(last.layout?.steps.at(-1), { title: '确认', fields: [] });
    const second = await expectEdit(matter, addStep(matter, '联系方式', 1));
    expect(second.layout?.steps.map((s) => s.title)[1]).to.equal('联系方式');
    expect(fieldsOf(second)[2]).to.deep.equal(fieldsOf(matter)[1]);
  });

  it('writes a step’s title per locale: a zh-CN string becomes an object for another locale, and back', async () => {
    const blank = twoFields();
    const stepped = immutableJSONPatch<Matter>(blank, addStep(blank, '申请人'));
    const english = await expectEdit(stepped, setStepText(stepped, 0, 'en', 'Applicant'));
    expect(english.layout?.steps[0]?.title).to.deep.equal({ 'zh-CN': '申请人', en: 'Applicant' });
    const back = immutableJSONPatch<Matter>(english, setStepText(english, 0, 'en', ''));
    expect(JSON.stringify(back)).to.equal(JSON.stringify(stepped));
    const renamed = await expectEdit(stepped, setStepText(stepped, 0, 'zh-CN', '本人信息'));
    expect(renamed.layout?.steps[0]?.title).to.equal('本人信息');

    const matter = await sampleMatter('residence-permit');
    const zh = await expectEdit(matter, setStepText(matter, 1, 'zh-CN', '居住信息'));
    expect(zh.layout?.steps[1]?.title).to.deep.equal({ 'zh-CN': '居住信息', en: 'Residence' });
    expect(setStepText(matter, 1, 'en', 'Residence')).to.deep.equal([]);
  });

  it('sets and removes a step’s id', async () => {
    const matter = await sampleMatter('residence-permit');
    const named = await expectEdit(matter, setStepId(matter, 0, 'applicant'));
    expect(named.layout?.steps[0]?.id).to.equal('applicant');
    const unnamed = await expectEdit(named, setStepId(named, 0, undefined));
    expect(JSON.stringify(unnamed)).to.equal(JSON.stringify(matter));
    expect(setStepId(matter, 0, undefined)).to.deep.equal([]);
  });

  it('hands a removed step’s fields to the previous step, or the first step’s to the next', async () => {
    const matter = await sampleMatter('residence-permit');
    const [one, two, three] = fieldsOf(matter) as [string[], string[], string[]];
    const middle = await expectEdit(matter, removeStep(matter, 1));
    expect(fieldsOf(middle)).to.deep.equal([[...one, ...two], three]);
    const first = await expectEdit(matter, removeStep(matter, 0));
    expect(fieldsOf(first)).to.deep.equal([[...one, ...two], three]);
    expect(first.layout?.steps[0]?.title).to.deep.equal(matter.layout?.steps[1]?.title);
    expect(removeStep(matter, 3)).to.deep.equal([]);
  });

  it('removing the only step removes the layout: the matter is back as it was before its first step', async () => {
    const blank = twoFields();
    const stepped = immutableJSONPatch<Matter>(blank, addStep(blank, '申请人'));
    const back = await expectEdit(stepped, removeStep(stepped, 0));
    expect(JSON.stringify(back)).to.equal(JSON.stringify(blank));
  });

  it('moves a step earlier or later, not past either end', async () => {
    const matter = await sampleMatter('residence-permit');
    const fields = fieldsOf(matter);
    const later = await expectEdit(matter, moveStep(matter, 0, 1));
    expect(fieldsOf(later)).to.deep.equal([fields[1], fields[0], fields[2]]);
    const earlier = await expectEdit(matter, moveStep(matter, 2, -1));
    expect(fieldsOf(earlier)).to.deep.equal([fields[0], fields[2], fields[1]]);
    expect(moveStep(matter, 0, -1)).to.deep.equal([]);
    expect(moveStep(matter, 2, 1)).to.deep.equal([]);
  });

  it('moves a field to another step, to a place in it or its end, and within its own step', async () => {
    const matter = await sampleMatter('residence-permit');
    const placed = await expectEdit(matter, moveFieldToStep(matter, '/housing', 0, 1));
    expect(fieldsOf(placed)).to.deep.equal([
      ['/applicant', '/housing', '/hukou'],
      ['/residence', '/rental', '/property'],
      ['/basis', '/employer', '/school', '/useIdCardPhoto'],
    ]);
    const atEnd = await expectEdit(matter, moveFieldToStep(matter, '/applicant', 2));
    expect(fieldsOf(atEnd)[2]?.at(-1)).to.equal('/applicant');
    const within = await expectEdit(matter, moveFieldToStep(matter, '/useIdCardPhoto', 2, 0));
    expect(fieldsOf(within)[2]).to.deep.equal(['/useIdCardPhoto', '/basis', '/employer', '/school']);
    expect(moveFieldToStep(matter, '/hukou', 0)).to.deep.equal([]);
    expect(moveFieldToStep(matter, '/hukou', 7)).to.deep.equal([]);
    expect(moveFieldToStep(twoFields(), '/name', 0)).to.deep.equal([]);
  });
});
