import { expect, waitUntil } from '@open-wc/testing';
import type { MatterForm } from '@matterform/elements';
import { DesignerPreviewPanel } from './preview.js';
import {
  atWidth,
  definePanel,
  mountPanel,
  sampleFixtures,
  sampleMatter,
  WIDTHS,
  type Harness,
} from './views.test-helpers.js';

definePanel('matter-designer-preview', DesignerPreviewPanel);

type Panel = DesignerPreviewPanel & { view: NonNullable<DesignerPreviewPanel['view']> };

const root = (harness: Harness<Panel>) => harness.el.shadowRoot as ShadowRoot;
const formOf = (harness: Harness<Panel>) => root(harness).querySelector('matter-form') as MatterForm;
const formRoot = (harness: Harness<Panel>) => formOf(harness).shadowRoot as ShadowRoot;
const NAME_ID = 'mf_2f_applicant_2f_name';

async function filled(harness: Harness<Panel>) {
  await waitUntil(
    () => (formRoot(harness)?.getElementById(NAME_ID) as HTMLInputElement | null)?.value === '李思远',
    'the form fills the applicant’s name',
    { timeout: 15000 },
  );
}

function labelOf(harness: Harness<Panel>, id: string): string {
  return formRoot(harness).querySelector(`label[for="${id}"]`)?.textContent?.trim() ?? '';
}

function radio(harness: Harness<Panel>, label: string): HTMLInputElement {
  const found = [...root(harness).querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
  const input = found?.querySelector('input');
  if (!input) throw new Error(`no radio "${label}"`);
  return input;
}

describe('the preview', () => {
  for (const width of WIDTHS)
    it(`fills the real form for a synthetic applicant, value and provenance shown, accessible at ${width} px`, async () => {
      await atWidth(width);
      const harness = await mountPanel<Panel>('matter-designer-preview', await sampleMatter('residence-permit'), {
        fixtures: await sampleFixtures(),
      });
      await filled(harness);
      await expect(harness.el).to.be.accessible();
      const badge = formRoot(harness).getElementById(`${NAME_ID}-badge`);
      expect(badge?.textContent).to.match(/来自/);
      const subject = root(harness).querySelector('select') as HTMLSelectElement;
      expect(subject.selectedOptions[0]?.textContent).to.include('合成申请人甲');
    });

  it('follows an edit: a changed title shows in the form', async () => {
    const harness = await mountPanel<Panel>('matter-designer-preview', await sampleMatter('residence-permit'), {
      fixtures: await sampleFixtures(),
    });
    await filled(harness);
    expect(labelOf(harness, NAME_ID)).to.equal('姓名');
    await harness.edit([
      { op: 'replace', path: '/schema/properties/applicant/properties/name/title', value: '申请人姓名' },
    ]);
    await waitUntil(() => labelOf(harness, NAME_ID) === '申请人姓名', 'the new title is drawn', { timeout: 5000 });
  });

  it('switches to phone width and to English, and fills again in a new form', async () => {
    await atWidth(1280);
    const harness = await mountPanel<Panel>('matter-designer-preview', await sampleMatter('residence-permit'), {
      fixtures: await sampleFixtures(),
      lang: 'en',
    });
    await filled(harness);
    const frame = root(harness).querySelector('.frame') as HTMLElement;
    expect(frame.getBoundingClientRect().width).to.be.greaterThan(375);
    radio(harness, 'Phone (375 px)').click();
    await harness.el.updateComplete;
    expect(frame.getBoundingClientRect().width).to.equal(375);
    await expect(harness.el).to.be.accessible();

    radio(harness, 'Chinese').click();
    await harness.el.updateComplete;
    expect(formOf(harness).getAttribute('lang')).to.equal('zh-CN');
    radio(harness, 'English').click();
    await harness.el.updateComplete;
    expect(formOf(harness).getAttribute('lang')).to.equal('en');
    await waitUntil(() => labelOf(harness, NAME_ID) === 'Name', 'the form speaks English', { timeout: 5000 });

    const first = formOf(harness);
    const again = [...root(harness).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Fill again');
    again?.focus();
    again?.click();
    await harness.el.updateComplete;
    expect(formOf(harness)).not.to.equal(first);
    await filled(harness);
    expect(harness.announced.at(-1)).to.match(/^The preview opened again for “合成申请人甲/);
    expect(root(harness).activeElement).to.equal(again);
  });

  it('takes its applicants from the mock gateway when one is named, and fills through it', async () => {
    const { url } = (await (await fetch('/__gateway')).json()) as { url: string };
    const harness = await mountPanel<Panel>('matter-designer-preview', await sampleMatter('residence-permit'), {
      gateway: url,
    });
    await waitUntil(() => root(harness).querySelectorAll('option').length > 1, 'the gateway lists its subjects', {
      timeout: 5000,
    });
    await harness.el.updateComplete;
    expect(formOf(harness).subject).to.deep.include({ token: `demo:${formOf(harness).subject?.id}` });
    await filled(harness);
    await expect(harness.el).to.be.accessible();
  });

  it('draws the form with nothing filled when no applicant is chosen', async () => {
    const harness = await mountPanel<Panel>('matter-designer-preview', await sampleMatter('residence-permit'), {
      fixtures: await sampleFixtures(),
    });
    await filled(harness);
    const select = root(harness).querySelector('select') as HTMLSelectElement;
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await harness.el.updateComplete;
    expect(formOf(harness).subject).to.equal(undefined);
    await waitUntil(() => formRoot(harness)?.getElementById(NAME_ID), 'the form is drawn', { timeout: 15000 });
    expect((formRoot(harness).getElementById(NAME_ID) as HTMLInputElement).value).to.equal('');
  });
});
