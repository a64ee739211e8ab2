import { expect } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import { collectTexts, toCsv } from '../document/texts.js';
import { DesignerTranslationsPanel } from './translations.js';
import {
  activate,
  focused,
  matterOf,
  mountPanel,
  part,
  sampleCatalogue,
  settle,
  typeInto,
} from './panel.test-helpers.js';

const NAME = '/schema/properties/applicant/properties/name';
const TAG = 'matter-designer-translations';

/** Residence permit with the English title of 姓名 taken out: one text missing. */
function withoutEnglishName(matter: Matter): Matter {
  const copy = structuredClone(matter);
  const applicant = copy.schema.properties as Record<string, { properties: Record<string, Record<string, unknown>> }>;
  delete applicant.applicant?.properties.name?.['x-i18n'];
  return copy;
}

function rows(panel: HTMLElement): HTMLTableRowElement[] {
  return [...(panel.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])];
}

function cell(panel: HTMLElement, pointer: string, locale: string): HTMLInputElement {
  return part<HTMLInputElement>(panel, `[data-pointer="${pointer}"][data-locale="${locale}"]`);
}

async function chooseFile(input: HTMLInputElement, name: string, text: string): Promise<void> {
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'text/csv' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<matter-designer-translations>', function () {
  // axe over a table of some seventy rows of inputs takes seconds on a busy machine.
  this.timeout(60000);
  let catalogue: Catalogue;
  let matter: Matter;
  before(async () => {
    catalogue = await sampleCatalogue();
    matter = matterOf(catalogue, 'residence-permit');
  });

  for (const width of [1280, 375]) {
    for (const lang of ['en', 'zh-CN']) {
      it(`is accessible at ${width} px in ${lang}, and never widens the page`, async () => {
        const h = await mountPanel(TAG, DesignerTranslationsPanel, withoutEnglishName(matter), catalogue, {
          width,
          lang,
        });
        await expect(h.panel).to.be.accessible();
        expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
      });
    }
  }

  it('lists every text of the matter in Chinese and English', async () => {
    const h = await mountPanel(TAG, DesignerTranslationsPanel, matter, catalogue);
    await expect(h.panel).to.be.accessible();
    const entries = collectTexts(matter);
    expect(rows(h.panel)).to.have.length(entries.length);
    expect(part(h.panel, '#missing-count').textContent?.trim()).to.equal(`0 of ${entries.length} missing`);
    expect(part(h.panel, `tr[data-pointer="${NAME}/title"] th[scope="row"]`).textContent?.trim()).to.equal(
      'Field Name · title',
    );
    expect(cell(h.panel, `${NAME}/title`, 'zh-CN').value).to.equal('姓名');
    expect(cell(h.panel, `${NAME}/title`, 'en').value).to.equal('Name');
    expect(cell(h.panel, '/scenario', 'en').value).to.contain('Changsha');
    expect(cell(h.panel, '/schema/properties/housing/oneOf/1/title', 'zh-CN').value).to.equal('租赁住房');
    expect(h.panel.shadowRoot?.querySelectorAll('th[scope="col"]')).to.have.length(3);
  });

  it('marks a missing English text for eyes and screen readers; typing it is one patch, and undo restores', async () => {
    const start = withoutEnglishName(matter);
    const h = await mountPanel(TAG, DesignerTranslationsPanel, start, catalogue);
    const total = collectTexts(start).length;
    expect(part(h.panel, '#missing-count').textContent?.trim()).to.equal(`1 of ${total} missing`);
    const input = cell(h.panel, `${NAME}/title`, 'en');
    const mark = part(h.panel, `#${input.getAttribute('aria-describedby')}`);
    expect(mark.textContent?.trim()).to.equal('English missing');
    expect(input.closest('td')?.classList.contains('missing')).to.equal(true);
    await expect(h.panel).to.be.accessible();

    await typeInto(input, 'Name');
    await settle(h.panel);
    expect(h.labels).to.deep.equal(['Changed Field 姓名 · title (English)']);
    const name = (h.matter.schema.properties as Record<string, { properties: Record<string, unknown> }>).applicant
      ?.properties.name;
    expect(name).to.deep.include({ 'x-i18n': { en: { title: 'Name' } } });
    expect(part(h.panel, '#missing-count').textContent?.trim()).to.equal(`0 of ${total} missing`);
    expect(input.hasAttribute('aria-describedby')).to.equal(false);
    expect(focused(h.panel)).to.equal(input, 'focus stays in the cell');

    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
    expect(part(h.panel, '#missing-count').textContent?.trim()).to.equal(`1 of ${total} missing`);
  });

  it('shows only the missing texts, keeping a row just translated until the filter is used again', async () => {
    const h = await mountPanel(TAG, DesignerTranslationsPanel, withoutEnglishName(matter), catalogue);
    await activate(part(h.panel, '#only-missing'));
    await settle(h.panel);
    expect(rows(h.panel).map((r) => r.dataset.pointer)).to.deep.equal([`${NAME}/title`]);
    await expect(h.panel).to.be.accessible();

    await typeInto(cell(h.panel, `${NAME}/title`, 'en'), 'Name');
    await settle(h.panel);
    expect(rows(h.panel)).to.have.length(1);

    await activate(part(h.panel, '#only-missing'));
    await activate(part(h.panel, '#only-missing'));
    await settle(h.panel);
    expect(rows(h.panel)).to.have.length(0);
    expect(part(h.panel, '#no-rows').textContent).to.contain('No text is missing');
  });

  it('exports the texts as a CSV file named for the matter', async () => {
    const h = await mountPanel(TAG, DesignerTranslationsPanel, matter, catalogue);
    await activate(part(h.panel, '#export-csv'));
    await settle(h.panel);
    const link = part<HTMLAnchorElement>(h.panel, '#csv-download');
    expect(link.download).to.equal('residence-permit-translations.csv');
    const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a UTF-8 byte order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).to.equal(toCsv(collectTexts(matter), 'en'));
    expect(text).to.contain(`${NAME}/title,Field Name · title,姓名,Name\r\n`);
    expect(h.announced).to.deep.equal(['Exported residence-permit-translations.csv']);
    await expect(h.panel).to.be.accessible();
  });

  it('imports an edited CSV: shows what changes and the bad rows, then applies it as one patch', async () => {
    const h = await mountPanel(TAG, DesignerTranslationsPanel, withoutEnglishName(matter), catalogue);
    const entries = collectTexts(h.matter).map((e) =>
      e.pointer === `${NAME}/title`
        ? { ...e, en: 'Full name' }
        : e.pointer === '/contact'
          ? { ...e, en: 'Call 12345' }
          : e,
    );
    const csv = toCsv(entries) + '/schema/properties/nowhere/title,,无,None\r\n';
    const badRow = entries.length + 2;
    await chooseFile(part<HTMLInputElement>(h.panel, '#import-csv'), 'permit.csv', csv);
    await settle(h.panel);
    await settle(h.panel);
    expect(part(h.panel, '#import-summary').textContent?.trim()).to.equal('2 texts will change.');
    const problems = [...(h.panel.shadowRoot?.querySelectorAll<HTMLElement>('#import-problems li') ?? [])];
    expect(problems.map((li) => li.textContent?.trim())).to.deep.equal([
      `Row ${badRow}: "/schema/properties/nowhere/title" is not a text of this matter.`,
    ]);
    expect(focused(h.panel)).to.equal(part(h.panel, '#import-heading'));
    expect(h.document.canUndo, 'nothing applied before confirming').to.equal(false);
    await expect(h.panel).to.be.accessible();

    await activate(part(h.panel, '#import-apply'));
    await settle(h.panel);
    expect(h.labels).to.deep.equal(['Imported 2 texts from CSV']);
    expect(cell(h.panel, `${NAME}/title`, 'en').value).to.equal('Full name');
    expect(h.matter.contact).to.deep.equal({ 'zh-CN': '0731-12345', en: 'Call 12345' });
    expect(h.panel.shadowRoot?.querySelector('#import-preview')).to.equal(null);
    expect(focused(h.panel)).to.equal(part(h.panel, '#import-csv'));

    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('reads a CSV that Excel saved in GB 18030, not only UTF-8', async () => {
    const h = await mountPanel(TAG, DesignerTranslationsPanel, matter, catalogue);
    const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));
    // 姓名 in GB 18030 (as in GBK): D0D5 C3FB.
    const bytes = new Uint8Array([
      ...ascii(`pointer,part,zh-CN,en\r\n${NAME}/title,,`),
      0xd0,
      0xd5,
      0xc3,
      0xfb,
      ...ascii(',Full name\r\n'),
    ]);
    const files = new DataTransfer();
    files.items.add(new File([bytes], 'excel.csv', { type: 'text/csv' }));
    const input = part<HTMLInputElement>(h.panel, '#import-csv');
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(h.panel);
    await settle(h.panel);
    expect(part(h.panel, '#import-summary').textContent?.trim(), 'only the English changes').to.equal(
      '1 texts will change.',
    );
  });

  it('cancels an import without changing anything', async () => {
    const h = await mountPanel(TAG, DesignerTranslationsPanel, matter, catalogue);
    await chooseFile(part<HTMLInputElement>(h.panel, '#import-csv'), 'bad.csv', 'a,b\r\n');
    await settle(h.panel);
    await settle(h.panel);
    expect(part(h.panel, '#import-summary').textContent?.trim()).to.equal('No text would change.');
    expect(part<HTMLButtonElement>(h.panel, '#import-apply').disabled).to.equal(true);
    expect(part(h.panel, '#import-problems').textContent).to.contain('Row 1 should be the header');
    await activate(part(h.panel, '#import-cancel'));
    await settle(h.panel);
    expect(h.panel.shadowRoot?.querySelector('#import-preview')).to.equal(null);
    expect(h.announced).to.deep.equal(['Import cancelled']);
    expect(h.document.canUndo).to.equal(false);
  });

  it('in a read-only designer, shows the texts without inputs to change them and without import', async () => {
    const h = await mountPanel(TAG, DesignerTranslationsPanel, matter, catalogue);
    h.panel.view = { ...h.view(), readonly: true };
    await settle(h.panel);
    expect(cell(h.panel, `${NAME}/title`, 'en').disabled).to.equal(true);
    expect(h.panel.shadowRoot?.querySelector('#import-csv')).to.equal(null);
    expect(part(h.panel, '#export-csv')).to.exist;
    await expect(h.panel).to.be.accessible();
  });

  it('shows where a text is used: its row header selects the field', async () => {
    const h = await mountPanel(TAG, DesignerTranslationsPanel, matter, catalogue);
    await activate(part(h.panel, `tr[data-pointer="${NAME}/title"] th button`));
    expect(h.selection).to.deep.equal({ kind: 'field', schema: NAME });
    await activate(part(h.panel, 'tr[data-pointer="/materials/1/title"] th button'));
    expect(h.selection).to.deep.equal({ kind: 'material', index: 1 });
  });
});
