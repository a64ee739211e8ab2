import { expect } from '@open-wc/testing';
import type { DesignProblem } from './context.js';
import { DesignerProblemsPanel, fieldOfPointer, selectionOfPointer } from './problems.js';
import { atWidth, definePanel, mountPanel, sampleMatter, WIDTHS, type Harness } from './views.test-helpers.js';

definePanel('matter-designer-problems', DesignerProblemsPanel);

type Panel = DesignerProblemsPanel & { view: NonNullable<DesignerProblemsPanel['view']> };

const root = (harness: Harness<Panel>) => harness.el.shadowRoot as ShadowRoot;
const NAME = '/schema/properties/applicant/properties/name';

const said = (en: string) => ({ 'zh-CN': en, en });
const TITLE = { 'zh-CN': '申请人', en: 'The applicant' };

/** Advice of every place, one with a fix (add an English title to the step). */
function advice(): DesignProblem[] {
  return [
    { severity: 'warning', pointer: '/materials/0/title', message: said('material warning') },
    { severity: 'error', pointer: `${NAME}/x-concept`, message: said('unknown concept person.nom') },
    { severity: 'warning', pointer: '/outputs/0/template/XM', message: said('output warning') },
    {
      severity: 'warning',
      pointer: '/layout/steps/0/title',
      code: 'text-missing',
      message: said('step warning'),
      fix: {
        label: said('Add the English title'),
        patch: [{ op: 'replace', path: '/layout/steps/0/title', value: TITLE }],
      },
    },
    { severity: 'warning', pointer: '/authority', message: said('matter warning') },
  ];
}

/** residence-permit with a meta-schema error: its version is a number. */
async function broken() {
  const matter = await sampleMatter('residence-permit');
  (matter as Record<string, unknown>).version = 1;
  return matter;
}

const items = (harness: Harness<Panel>) =>
  [...root(harness).querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');

function button(harness: Harness<Panel>, text: string): HTMLButtonElement {
  const found = [...root(harness).querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

describe('the problems panel', () => {
  it('says the list is from before the edit while the edit is being checked', async () => {
    const harness = await mountPanel<Panel>('matter-designer-problems', await broken(), { lang: 'en', advice });
    harness.el.view = { ...harness.el.view, problemsChecked: false };
    await harness.el.updateComplete;
    expect(root(harness).textContent).to.include('Checking the last edit… the list below is from before it.');
    harness.el.view = { ...harness.el.view, problemsChecked: true };
    await harness.el.updateComplete;
    expect(root(harness).textContent).not.to.include('Checking the last edit');
  });

  for (const width of WIDTHS)
    it(`lists errors, then warnings, accessible at ${width} px`, async () => {
      await atWidth(width);
      const harness = await mountPanel<Panel>('matter-designer-problems', await broken(), { lang: 'en', advice });
      await expect(harness.el).to.be.accessible();
      const listed = items(harness);
      expect(listed[0]).to.match(/^Error: "version" must be of type string Go to: the matter’s attributes$/);
      expect(listed[1]).to.equal('Error: unknown concept person.nom Go to: field “Name”');
      expect(listed.slice(2).every((text) => text.startsWith('Warning: '))).to.equal(true);
      expect(root(harness).textContent).to.include('2 error(s), 4 warning(s)');
    });

  it('links each problem to its place', async () => {
    const harness = await mountPanel<Panel>('matter-designer-problems', await broken(), { lang: 'en', advice });
    for (const text of [
      'Go to: field “Name”',
      'Go to: material “Resident ID card”',
      'Go to: output “population-management”',
      'Go to: step “Applicant”',
    ])
      button(harness, text).click();
    [...root(harness).querySelectorAll<HTMLButtonElement>('button.go')].at(-1)?.click();
    expect(harness.selected).to.deep.equal([
      { kind: 'field', schema: NAME },
      { kind: 'material', index: 0 },
      { kind: 'output', index: 0 },
      { kind: 'step', index: 0 },
      { kind: 'matter' },
    ]);
  });

  it('applies a fix with one action and keeps focus in the list', async () => {
    const harness = await mountPanel<Panel>('matter-designer-problems', await sampleMatter('residence-permit'), {
      lang: 'en',
      advice: (matter) =>
        (matter.layout?.steps[0]?.title as { en?: string } | undefined)?.en === TITLE.en ? [] : advice(),
    });
    const fix = button(harness, 'Add the English title');
    fix.focus();
    fix.click();
    await harness.el.updateComplete;
    expect(harness.applied.map((a) => a.patch)).to.deep.equal([
      [{ op: 'replace', path: '/layout/steps/0/title', value: TITLE }],
    ]);
    expect(harness.announced).to.deep.equal(['Applied: Add the English title']);
    expect(root(harness).textContent).to.include('No problems found.');
    expect(root(harness).activeElement?.tagName).to.equal('H2');
  });

  it('finds the field a schema pointer lies in, by schema keywords', () => {
    expect(fieldOfPointer(`${NAME}/x-concept`)).to.equal(NAME);
    expect(fieldOfPointer(NAME)).to.equal(NAME);
    expect(fieldOfPointer('/schema/properties/properties/properties/a/items/properties/b/enum/0')).to.equal(
      '/schema/properties/properties/properties/a/items/properties/b',
    );
    expect(fieldOfPointer('/schema/allOf/0/then/properties/landlord/title')).to.equal(
      '/schema/allOf/0/then/properties/landlord',
    );
    expect(fieldOfPointer('/schema/required/0')).to.equal(undefined);
    expect(fieldOfPointer('/schema/properties')).to.equal(undefined);
    expect(selectionOfPointer('/schema/required/0')).to.deep.equal({ kind: 'matter' });
    expect(selectionOfPointer('/layout/steps/2/fields/0')).to.deep.equal({ kind: 'step', index: 2 });
    expect(selectionOfPointer('/layout')).to.deep.equal({ kind: 'matter' });
  });
});
