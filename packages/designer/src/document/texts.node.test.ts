import { expect } from 'chai';
import { immutableJSONPatch, revertJSONPatch } from 'immutable-json-patch';
import { readdirSync, readFileSync } from 'node:fs';
import type { Matter } from '@matterform/core';
import { setFieldText } from '../edits/fields.js';
import { blankMatter, expectEdit, sampleMatter } from '../edits/edits.test-helpers.js';
import { collectTexts, fromCsv, toCsv, type TextEntry } from './texts.js';

const MATTERS = new URL('../../../../schemas/catalogue/matters/', import.meta.url);

/** Every sample matter as its file has it. */
function sampleFiles(): { name: string; text: string; matter: Matter }[] {
  return readdirSync(MATTERS)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const text = readFileSync(new URL(name, MATTERS), 'utf8');
      return { name, text, matter: JSON.parse(text) as Matter };
    });
}

function find(entries: TextEntry[], pointer: string): TextEntry {
  const found = entries.find((e) => e.pointer === pointer);
  expect(found, pointer).to.exist;
  return found as TextEntry;
}

/** The CSV of `entries` with the cells of the rows named changed: pointer → [zh-CN, en]. */
function editedCsv(entries: TextEntry[], changes: Record<string, [string, string]>): string {
  const edited = entries.map((e) => {
    const change = changes[e.pointer];
    return change ? { ...e, zh: change[0], en: change[1] } : e;
  });
  return toCsv(edited);
}

describe('texts of a matter', () => {
  it('lists the Text attributes, steps, materials and every schema text with both languages', async () => {
    const matter = await sampleMatter('residence-permit');
    const entries = collectTexts(matter);
    const title = find(entries, '/title');
    expect([title.zh, title.en, title.missing]).to.deep.equal(['居住证申领', 'Residence permit application', null]);
    expect(find(entries, '/conditions/1').label.en).to.equal('Condition 2');
    expect(find(entries, '/process/deliver/steps/1').en).to.equal('The card is mailed free of charge');
    expect(find(entries, '/layout/steps/1/title').select).to.deep.equal({ kind: 'step', index: 1 });
    expect(find(entries, '/materials/0/title').label['zh-CN']).to.equal('材料 居民身份证 · 名称');

    const name = find(entries, '/schema/properties/applicant/properties/name/title');
    expect(name.label['zh-CN']).to.equal('字段 姓名 · 标题');
    expect(name.label.en).to.equal('Field Name · title');
    expect(name.select).to.deep.equal({ kind: 'field', schema: '/schema/properties/applicant/properties/name' });
    expect([name.zh, name.en]).to.deep.equal(['姓名', 'Name']);

    const placeholder = find(entries, '/schema/properties/applicant/properties/idNumber/x-placeholder');
    expect(placeholder.en).to.equal('18-character resident ID number');
    expect(find(entries, '/schema/properties/applicant/properties/mobile/x-help').zh).to.equal('用于接收办理进度短信');
    const female = find(entries, '/schema/properties/applicant/properties/gender/x-enumTitles/1');
    expect([female.zh, female.en, female.label.en]).to.deep.equal(['女', 'Female', 'Field Gender · option 2']);
    const rented = find(entries, '/schema/properties/housing/oneOf/1/title');
    expect([rented.zh, rented.en, rented.label['zh-CN']]).to.deep.equal([
      '租赁住房',
      'Rented home',
      '字段 住房情况 · 选项 rented · 标题',
    ]);
    expect(find(entries, '/schema/$defs/regionCode/x-placeholder').label.en).to.equal(
      'Shared definition Region · placeholder',
    );
    expect(find(entries, '/schema/title').en).to.equal('Residence permit application form');
  });

  it('marks a missing locale, and not a text with no letters', () => {
    const matter = {
      ...blankMatter(),
      title: '新事项',
      contact: '0731-12345',
      schema: {
        type: 'object',
        properties: {
          a: { type: 'string', title: '甲', 'x-i18n': { en: { title: 'A' } } },
          b: { type: 'string', title: '乙', description: '说明' },
          c: { type: 'string' },
          d: { type: 'string', 'x-i18n': { en: { title: 'D' } } },
          e: {
            type: 'string',
            enum: ['1', '2'],
            'x-enumTitles': ['是', '否'],
            'x-i18n': { en: { enumTitles: ['Yes', '否'] } },
          },
        },
        oneOf: [{ properties: { a: { const: 'x' }, f: { type: 'string' } } }],
      },
    } as Matter;
    const entries = collectTexts(matter);
    const missing = (pointer: string) => find(entries, pointer).missing;
    expect(missing('/title')).to.equal('en');
    expect(missing('/authority')).to.equal(null);
    expect(missing('/contact')).to.equal(null);
    expect(missing('/schema/properties/a/title')).to.equal(null);
    expect(missing('/schema/properties/b/title')).to.equal('en');
    expect(missing('/schema/properties/b/description')).to.equal('en');
    expect(missing('/schema/properties/c/title'), 'a field with no title at all').to.equal('zh-CN');
    expect(missing('/schema/properties/d/title')).to.equal('zh-CN');
    expect(missing('/schema/properties/e/x-enumTitles/0')).to.equal(null);
    expect(missing('/schema/properties/e/x-enumTitles/1'), 'the Chinese copied is not a translation').to.equal('en');
    expect(missing('/schema/oneOf/0/properties/f/title'), 'a branch field').to.equal('zh-CN');
    expect(
      entries.some((e) => e.pointer === '/schema/oneOf/0/properties/a/title'),
      'a branch naming a declared property adds no field',
    ).to.equal(false);
    expect(
      entries.some((e) => e.pointer === '/schema/properties/c/description'),
      'no empty description row',
    ).to.equal(false);
  });

  it('writes a field title as the properties panel does, into x-i18n', async () => {
    const matter = await sampleMatter('residence-permit');
    const field = '/schema/properties/applicant/properties/name';
    const entry = find(collectTexts(matter), `${field}/title`);
    const patch = entry.write(matter, 'en', 'Full name');
    expect(patch).to.deep.equal(setFieldText(matter, field, 'title', 'en', 'Full name'));
    expect(patch).to.deep.equal([{ op: 'replace', path: `${field}/x-i18n/en/title`, value: 'Full name' }]);
    await expectEdit(matter, patch);
  });

  it('writes attribute, step, material and option texts as valid edits', async () => {
    const matter = await sampleMatter('residence-permit');
    const entries = collectTexts(matter);
    for (const [pointer, locale, text] of [
      ['/scenario', 'en', 'Living in Changsha'],
      ['/contact', 'en', 'Call 12345'],
      ['/layout/steps/0/title', 'zh-CN', '申请人信息'],
      ['/materials/1/title', 'en', 'Tenancy agreement'],
      ['/schema/properties/applicant/properties/gender/x-enumTitles/0', 'en', 'Man'],
      ['/schema/properties/housing/oneOf/2/title', 'en', 'Dormitory'],
    ] as const) {
      const entry = find(entries, pointer);
      const after = await expectEdit(matter, entry.write(matter, locale, text));
      expect(find(collectTexts(after), pointer)[locale === 'zh-CN' ? 'zh' : 'en'], pointer).to.equal(text);
    }
    const contact = immutableJSONPatch<Matter>(matter, find(entries, '/contact').write(matter, 'en', 'Call 12345'));
    expect(contact.contact).to.deep.equal({ 'zh-CN': '0731-12345', en: 'Call 12345' });
  });

  it('creates an English option list with the Chinese titles in the other places', async () => {
    const matter = {
      ...blankMatter(),
      schema: {
        type: 'object',
        properties: { e: { type: 'string', title: '是否', enum: ['y', 'n'], 'x-enumTitles': ['是', '否'] } },
      },
    } as Matter;
    const entry = find(collectTexts(matter), '/schema/properties/e/x-enumTitles/1');
    const after = await expectEdit(matter, entry.write(matter, 'en', 'No'));
    expect((after.schema.properties as Record<string, Record<string, unknown>>).e?.['x-i18n']).to.deep.equal({
      en: { enumTitles: ['是', 'No'] },
    });
    expect(find(collectTexts(after), '/schema/properties/e/x-enumTitles/0').missing).to.equal('en');
  });
});

describe('translations CSV', () => {
  it('writes RFC 4180 with a byte order mark, CRLF and doubled quotes', () => {
    const matter = {
      ...blankMatter(),
      title: { 'zh-CN': '“新”事项', en: 'A "new", matter' },
      scenario: '第一行\n第二行',
    } as Matter;
    const csv = toCsv(collectTexts(matter));
    expect(csv.startsWith('\uFEFFpointer,part,zh-CN,en\r\n')).to.equal(true);
    expect(csv).to.contain('/title,事项名称,“新”事项,"A ""new"", matter"\r\n');
    expect(csv).to.contain('/scenario,适用情形,"第一行\n第二行",\r\n');
    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(toCsv(collectTexts(matter), 'en')).to.contain('/title,Matter title,');
  });

  it('round-trips every sample matter with an empty patch', () => {
    const files = sampleFiles();
    expect(files.length).to.be.greaterThan(10);
    for (const { name, matter } of files) {
      const result = fromCsv(toCsv(collectTexts(matter)), matter);
      expect(result, name).to.deep.equal({ patch: [], changed: 0, problems: [] });
    }
  });

  it('imports an edited CSV as exactly the expected patch, whose inverse gives the file byte for byte', () => {
    const { text, matter } = sampleFiles().find((f) => f.name === 'residence-permit.json') as {
      text: string;
      matter: Matter;
    };
    const entries = collectTexts(matter);
    const csv = editedCsv(entries, {
      '/title': ['居住证申领', 'Residence permit'],
      '/schema/properties/applicant/properties/name/title': ['姓名', 'Full name'],
      '/schema/properties/applicant/properties/nation/x-placeholder': ['例如：汉族', ''],
    });
    const result = fromCsv(csv, matter);
    expect(result.problems).to.deep.equal([]);
    expect(result.changed).to.equal(3);
    expect(result.patch).to.deep.equal([
      { op: 'replace', path: '/title/en', value: 'Residence permit' },
      { op: 'replace', path: '/schema/properties/applicant/properties/name/x-i18n/en/title', value: 'Full name' },
      { op: 'replace', path: '/schema/properties/applicant/properties/nation/x-placeholder', value: '例如：汉族' },
    ]);
    const after = immutableJSONPatch(matter, result.patch);
    const back = immutableJSONPatch(after, revertJSONPatch(matter, result.patch));
    expect(JSON.stringify(back, null, 2) + '\n').to.equal(text);
  });

  it('never deletes a text for an empty cell', async () => {
    const matter = await sampleMatter('residence-permit');
    const entries = collectTexts(matter);
    const csv = editedCsv(entries, { '/title': ['', ''], '/schema/properties/housing/title': ['', 'Home'] });
    const result = fromCsv(csv, matter);
    expect(result.patch).to.deep.equal([
      { op: 'replace', path: '/schema/properties/housing/x-i18n/en/title', value: 'Home' },
    ]);
  });

  it('names the row of an unknown pointer, a short row, a repeated pointer and an open quote', async () => {
    const matter = await sampleMatter('residence-permit');
    const csv = [
      'pointer,part,zh-CN,en',
      '/title,,居住证申领,Residence permits',
      '/nowhere,,甲,A',
      '/scenario,,only three',
      '/title,,居住证申领,Again',
      '/contact,,"0731-12345,Call',
      '',
    ].join('\r\n');
    const result = fromCsv(csv, matter);
    expect(result.patch).to.deep.equal([{ op: 'replace', path: '/title/en', value: 'Residence permits' }]);
    expect(result.problems.map((p) => [p.row, p.column])).to.deep.equal([
      [3, 'pointer'],
      [4, undefined],
      [5, 'pointer'],
      [6, undefined],
    ]);
    expect(result.problems[0]?.message.en).to.equal('Row 3: "/nowhere" is not a text of this matter.');
    expect(result.problems[3]?.message['zh-CN']).to.equal('第 6 行的引号没有闭合，此后内容无法读取。');
  });

  it('refuses a file without the header', async () => {
    const matter = await sampleMatter('residence-permit');
    const result = fromCsv('/title,,居住证,Permit\r\n', matter);
    expect(result.patch).to.deep.equal([]);
    expect(result.problems.map((p) => p.row)).to.deep.equal([1]);
  });
});
