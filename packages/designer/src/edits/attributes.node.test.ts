import { expect } from 'chai';
import { immutableJSONPatch } from 'immutable-json-patch';
import { MATTER_ATTRIBUTES, type Matter } from '@matterform/core';
import { setAttribute, setAttributeText, TEXT_ATTRIBUTES, withText } from './attributes.js';
import { blankMatter, expectEdit, sameDocument, sampleMatter } from './edits.test-helpers.js';

describe('designer edits: matter attributes', () => {
  it('sets, replaces and removes attributes, keeping the others where they are', async () => {
    const matter = await sampleMatter('residence-permit');
    const coded = await expectEdit(matter, setAttribute(matter, 'code', '430100-GA-0008'));
    expect(coded.code).to.equal('430100-GA-0008');
    expect(Object.keys(coded)).to.deep.equal(Object.keys(matter));
    const channels = await expectEdit(matter, setAttribute(matter, 'channels', ['web', 'mail']));
    expect(channels.channels).to.deep.equal(['web', 'mail']);
    const noScenario = await expectEdit(matter, setAttribute(matter, 'scenario', undefined));
    expect(Object.keys(noScenario)).to.deep.equal(Object.keys(matter).filter((key) => key !== 'scenario'));
    expect(setAttribute(matter, 'onsiteVisits', 0)).to.deep.equal([]);
    expect(setAttribute(matter, 'title', undefined), 'a required attribute stays').to.deep.equal([]);
    expect(setAttribute(blankMatter(), 'fee', undefined)).to.deep.equal([]);
  });

  it('fills in every attribute of a blank matter, each one a valid edit', async () => {
    const filled = {
      title: '居住证申领',
      code: '430100-GA-0007',
      kind: 'public-service',
      authority: '长沙市公安局',
      department: 'public-security',
      audience: ['person'],
      scenario: '来长居住',
      legalBasis: ['《居住证暂行条例》'],
      conditions: ['居住半年以上'],
      materials: [],
      process: { apply: { steps: ['网上填写'] } },
      timeLimit: { statutoryDays: 15 },
      fee: { amount: 0 },
      channels: ['web'],
      onsiteVisits: 0,
      result: { title: '居住证', delivery: ['mail'] },
      contact: '0731-12345',
    };
    expect(Object.keys(filled)).to.have.members([...MATTER_ATTRIBUTES]);
    let matter = blankMatter();
    for (const [key, value] of Object.entries(filled))
      matter = await expectEdit(matter, setAttribute(matter, key, value));
    for (const [key, value] of Object.entries(filled)) expect(matter[key as keyof Matter]).to.deep.equal(value);
  });

  it('sets a part of an attribute by pointer, creating what holds it', async () => {
    const blank = blankMatter();
    const promised = await expectEdit(blank, setAttribute(blank, '/timeLimit/promisedDays', 5));
    sameDocument(promised.timeLimit, { promisedDays: 5 });
    const matter = await sampleMatter('residence-permit');
    const paper = await expectEdit(matter, setAttribute(matter, '/process/review/paper', true));
    expect(paper.process?.review).to.deep.include({ paper: true, systems: ['population-management'] });
  });

  it('writes one locale of a Text attribute: a zh-CN string gains other locales, and loses them again', async () => {
    const matter = await sampleMatter('residence-permit');
    expect(matter.contact).to.equal('0731-12345');
    const english = await expectEdit(matter, setAttributeText(matter, 'contact', 'en', '+86 731 12345'));
    expect(english.contact).to.deep.equal({ 'zh-CN': '0731-12345', en: '+86 731 12345' });
    const back = immutableJSONPatch<Matter>(english, setAttributeText(english, 'contact', 'en', ''));
    expect(JSON.stringify(back)).to.equal(JSON.stringify(matter));

    const title = await expectEdit(matter, setAttributeText(matter, 'title', 'zh-CN', '居住证办理'));
    expect(title.title).to.deep.equal({ 'zh-CN': '居住证办理', en: 'Residence permit application' });
    expect(setAttributeText(matter, 'title', 'en', 'Residence permit application')).to.deep.equal([]);
    const result = await expectEdit(matter, setAttributeText(matter, '/result/title', 'en', 'Permit'));
    expect(result.result?.title).to.deep.equal({ 'zh-CN': '居住证', en: 'Permit' });
    const basis = await expectEdit(
      matter,
      setAttributeText(matter, '/legalBasis/0', 'zh-CN', '《居住证暂行条例》（2016）'),
    );
    expect(basis.legalBasis?.[0]).to.deep.equal({
      'zh-CN': '《居住证暂行条例》（2016）',
      en: 'Interim Regulations on Residence Permits',
    });
  });

  it('adds an optional Text attribute with its first text and removes it with its last; a required one stays', async () => {
    const blank = blankMatter();
    const scenario = await expectEdit(blank, setAttributeText(blank, 'scenario', 'zh-CN', '来长居住'));
    expect(scenario.scenario).to.equal('来长居住');
    const cleared = await expectEdit(scenario, setAttributeText(scenario, 'scenario', 'zh-CN', ''));
    expect(JSON.stringify(cleared)).to.equal(JSON.stringify(blank));
    const english = await expectEdit(blank, setAttributeText(blank, 'scenario', 'en', 'Moving to Changsha'));
    expect(english.scenario).to.deep.equal({ en: 'Moving to Changsha' });

    const noTitle = immutableJSONPatch<Matter>(blank, [{ op: 'replace', path: '/title', value: '新事项' }]);
    const emptied = await expectEdit(noTitle, setAttributeText(noTitle, 'title', 'zh-CN', ''));
    expect(emptied.title).to.equal('');
    expect(TEXT_ATTRIBUTES).to.include.members(['title', 'scenario']);
  });

  it('keeps an object of one zh-CN text an object when zh-CN is rewritten', () => {
    expect(withText({ 'zh-CN': '甲' }, 'zh-CN', '乙')).to.deep.equal({ 'zh-CN': '乙' });
    expect(withText({ 'zh-CN': '甲', en: 'A' }, 'en', '')).to.equal('甲');
    expect(withText('甲', 'zh-CN', '')).to.equal(undefined);
    expect(withText(undefined, 'zh-CN', '甲')).to.equal('甲');
  });
});
