import { expect } from '@open-wc/testing';
import { localize, rateMatter, type Matter } from '@matterform/core';
import type { DesignProblem } from './context.js';
import { DesignerRatingPanel, fixesOf } from './rating.js';
import {
  atWidth,
  definePanel,
  mountPanel,
  sampleCatalogue,
  sampleMatter,
  WIDTHS,
  type Harness,
} from './views.test-helpers.js';

definePanel('matter-designer-rating', DesignerRatingPanel);

type Panel = DesignerRatingPanel & { view: NonNullable<DesignerRatingPanel['view']> };

const root = (harness: Harness<Panel>) => harness.el.shadowRoot as ShadowRoot;
const MOBILE = '/schema/properties/applicant/properties/mobile';

/** residence-permit with its date of birth and mobile number unbound: four required fields typed by hand, so apply is yellow. */
async function unbound(): Promise<Matter> {
  const matter = await sampleMatter('residence-permit');
  const applicant = (
    matter.schema as { properties: { applicant: { properties: Record<string, Record<string, unknown>> } } }
  ).properties.applicant.properties;
  delete applicant.birthDate?.['x-concept'];
  delete applicant.mobile?.['x-concept'];
  return matter;
}

/** The advice the designer gives for such a matter: bind 手机号码 to person.mobile, one action. */
function bindMobile(matter: Matter): DesignProblem[] {
  const mobile = (matter.schema as { properties: { applicant: { properties: { mobile: Record<string, unknown> } } } })
    .properties.applicant.properties.mobile;
  if (mobile['x-concept']) return [];
  return [
    {
      severity: 'warning',
      pointer: MOBILE,
      code: 'rating-concept',
      message: { 'zh-CN': '“手机号码”可由已有数据填写', en: '“Mobile number” is held by the state already' },
      fix: {
        label: { 'zh-CN': '将“手机号码”绑定到 person.mobile', en: 'Bind “Mobile number” to person.mobile' },
        patch: [{ op: 'add', path: `${MOBILE}/x-concept`, value: 'person.mobile' }],
      },
    },
  ];
}

function stageRow(harness: Harness<Panel>, stage: string): string {
  const row = [...root(harness).querySelectorAll('tbody tr')].find(
    (tr) => tr.querySelector('th')?.textContent?.trim() === stage,
  );
  return row?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('the rating panel', () => {
  for (const width of WIDTHS)
    it(`shows the four colours per stage with core’s reasons, accessible at ${width} px`, async () => {
      await atWidth(width);
      const matter = await sampleMatter('household-register-replacement');
      const harness = await mountPanel<Panel>('matter-designer-rating', matter, { lang: 'en' });
      await expect(harness.el).to.be.accessible();
      const rating = rateMatter(matter, await sampleCatalogue());
      expect(root(harness).textContent).to.include(`Overall: ${rating.colour}`);
      for (const [stage, name] of [
        ['apply', 'Apply'],
        ['review', 'Review'],
        ['deliver', 'Deliver'],
      ] as const) {
        const row = stageRow(harness, name);
        expect(row).to.include(`${name} ${rating.stages[stage].colour}`);
        for (const reason of rating.stages[stage].reasons) expect(row).to.include(localize(reason.message, 'en'));
      }
    });

  it('applies a fix with one action: the colour changes as the rating says, and focus stays in the panel', async () => {
    const harness = await mountPanel<Panel>('matter-designer-rating', await unbound(), {
      lang: 'en',
      advice: bindMobile,
    });
    expect(stageRow(harness, 'Apply')).to.match(/^Apply yellow/);
    await expect(harness.el).to.be.accessible();
    const button = [...root(harness).querySelectorAll('.fixes button')].find(
      (b) => b.textContent?.trim() === 'Bind “Mobile number” to person.mobile',
    ) as HTMLButtonElement;
    button.focus();
    button.click();
    await harness.el.updateComplete;
    expect(harness.applied).to.deep.equal([
      {
        patch: [{ op: 'add', path: `${MOBILE}/x-concept`, value: 'person.mobile' }],
        label: 'Bind “Mobile number” to person.mobile',
      },
    ]);
    expect(stageRow(harness, 'Apply')).to.match(/^Apply green/);
    expect(root(harness).querySelector('.fixes')).to.equal(null);
    expect(root(harness).activeElement?.tagName).to.equal('H2');
    expect(harness.announced).to.deep.equal(['Applied: Bind “Mobile number” to person.mobile']);
  });

  it('shows the forecast: typed fields and each field’s share', async () => {
    const harness = await mountPanel<Panel>('matter-designer-rating', await sampleMatter('residence-permit'), {
      lang: 'en',
      forecast: {
        typed: 2.5,
        unknown: 1,
        fields: {
          '/applicant/name': { share: 0.9, providers: ['licence:resident-id-card', 'source:mps-population'] },
          '/residence/since': { share: null, providers: ['source:cs-residence-registry'] },
        },
      },
    });
    await expect(harness.el).to.be.accessible();
    const text = root(harness).textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).to.include('A first-time applicant is expected to type about 2.5 required field(s).');
    expect(text).to.include('1 required field(s) have providers of unknown coverage.');
    expect(text).to.include('/applicant/name 90% Resident ID card, MPS basic population information');
    expect(text).to.include('/residence/since unknown Changsha migrant residence registration');
  });

  it('lists rating fixes before other advice', () => {
    const fix = (value: string) => ({
      label: { 'zh-CN': value, en: value },
      patch: [{ op: 'add' as const, path: '/contact', value }],
    });
    const problems: DesignProblem[] = [
      { severity: 'warning', pointer: '', message: { 'zh-CN': 'a', en: 'a' }, code: 'text-missing', fix: fix('a') },
      { severity: 'warning', pointer: '', message: { 'zh-CN': 'b', en: 'b' }, code: 'rating-concept', fix: fix('b') },
      { severity: 'error', pointer: '', message: { 'zh-CN': 'c', en: 'c' } },
      // The same edit as b's, offered by advice: one action, listed once.
      { severity: 'warning', pointer: '', message: { 'zh-CN': 'd', en: 'd' }, code: 'advice-concept', fix: fix('b') },
    ];
    expect(fixesOf(problems).map((p) => p.message.en)).to.deep.equal(['b', 'a']);
  });
});
