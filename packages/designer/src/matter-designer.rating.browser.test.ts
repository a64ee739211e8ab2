// The designer's rating is the report's (SPEC §8, §10), as a designer sees it: every sample
// matter opened in <matter-designer> rates, forecasts and finds problems exactly as the real
// `matterform report` and `validate` do on a fresh copy of the sample catalogue; a fix in the
// rating or problems tab is one action that gives back the rating the report gives the matter
// without the flaw, and Ctrl+Z gives back the document byte for byte.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { rateMatter, type Forecast, type Matter } from '@matterform/core';
import type { MatterDesigner } from './matter-designer.js';
import type { DesignProblem } from './panels/context.js';
import { httpDesignStore } from './stores/http-store.js';
import {
  chord,
  deepActive,
  expectNoHorizontalOverflow,
  openDesigner,
  panel,
  sampleCatalogue,
  sampleMatter,
  settled,
} from './designer.test-helpers.js';

interface DesignServer {
  dir: string;
  store: string;
}

interface ReportEntry {
  id: string;
  forecast: unknown;
}

interface Check {
  validate: { exit: number; stdout: string; stderr: string };
  report: { matters: ReportEntry[] } | null;
}

async function designServer(): Promise<DesignServer> {
  return (await (await fetch('/__design-server/new', { method: 'POST' })).json()) as DesignServer;
}

/** The real `matterform validate` and `report --format json` on the server's folder. */
async function check(server: DesignServer): Promise<Check> {
  return (await (await fetch(`/__design-server/check?dir=${encodeURIComponent(server.dir)}`)).json()) as Check;
}

/** A matter's report entry split as the designer shows it: the rating, and the forecast. */
function entryOf(result: Check, id: string): { rating: object; forecast: unknown } {
  const entry = result.report?.matters.find((m) => m.id === id);
  expect(entry, `the report rates ${id}`).to.exist;
  const { forecast, ...rating } = entry as ReportEntry;
  return { rating, forecast };
}

/** Values as JSON carries them, as the report holds them. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The designer's problems that are validate's; advice and the rating's fixes are its own. */
const OWN = /^(rating|advice|text)-/;

/** The problems as `validate` prints them for `file` (SPEC §8: `file: /pointer: message`). */
function asLines(problems: readonly DesignProblem[], file: string): string[] {
  return problems
    .filter((p) => !OWN.test(p.code ?? ''))
    .map(
      (p) =>
        `${p.severity === 'warning' ? 'warning: ' : ''}${p.pointer === '' ? file : `${file}: ${p.pointer}`}: ${p.message.en}`,
    );
}

const MOBILE = '/schema/properties/applicant/properties/mobile';

type Fields = Record<string, Record<string, unknown>>;
const applicant = (matter: Matter): Fields =>
  (matter.schema as { properties: { applicant: { properties: Fields } } }).properties.applicant.properties;

/**
 * No sample matter changes colour when one field loses its concept (each counts three hand-typed
 * fields or fewer, or already more). So the matter "as it should be" is residence-permit with its
 * date of birth typed (three fields by hand, still green), published into a design server's copy
 * so the real report rates it; unbinding the mobile number too makes four, and apply turns yellow.
 */
async function matters(): Promise<{ original: Matter; flawed: Matter }> {
  const original = await sampleMatter('residence-permit');
  delete applicant(original).birthDate?.['x-concept'];
  const flawed = structuredClone(original);
  delete applicant(flawed).mobile?.['x-concept'];
  const { catalogue } = await sampleCatalogue();
  expect(rateMatter(original, catalogue).stages.apply.colour).to.equal('green');
  expect(rateMatter(flawed, catalogue).stages.apply.colour).to.equal('yellow');
  return { original, flawed };
}

async function openMatter(matter: Matter): Promise<MatterDesigner> {
  const { catalogue } = await sampleCatalogue();
  const el = await fixture<MatterDesigner>(
    html`<matter-designer lang="en" .catalogue=${catalogue} .matter=${structuredClone(matter)}></matter-designer>`,
  );
  await settled(el);
  return el;
}

async function openTab(el: MatterDesigner, tab: 'rating' | 'problems'): Promise<HTMLElement> {
  // As a keyboard user picks it: focus on the tab, which keeps Ctrl+Z the designer's.
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>(`#view-tab-${tab}`);
  button?.focus();
  button?.click();
  await settled(el);
  return panel(el, tab);
}

/** The rating tab's row of a stage as read aloud: "Apply yellow …reasons". */
function stageRow(el: MatterDesigner, stage: string): string {
  const rows = panel(el, 'rating').shadowRoot?.querySelectorAll('tbody tr') ?? [];
  const row = [...rows].find((tr) => tr.querySelector('th')?.textContent?.trim() === stage);
  return row?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * The rating tab says the forecast as the report does: the number typed as Markdown prints it,
 * and a share short of everyone never reads "100%".
 */
function expectForecastShown(rating: HTMLElement, forecast: Forecast): void {
  const text = rating.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
  expect(text).to.include(`expected to type about ${forecast.typed} required field(s).`);
  const shares = [...(rating.shadowRoot?.querySelectorAll('h3 ~ .table tbody tr td:first-of-type') ?? [])].map((td) =>
    td.textContent?.trim(),
  );
  const fields = Object.values(forecast.fields);
  expect(shares).to.have.length(fields.length);
  fields.forEach((field, i) => {
    if (field.share !== null && field.share < 1) expect(shares[i]).not.to.equal('100%');
    if (field.share === 1) expect(shares[i]).to.equal('100%');
  });
}

/** The button of a panel whose text is `label`. */
function button(from: HTMLElement, selector: string, label: string): HTMLButtonElement {
  const found = [...(from.shadowRoot?.querySelectorAll<HTMLButtonElement>(selector) ?? [])].find(
    (b) => b.textContent?.trim() === label,
  );
  expect(found, label).to.exist;
  return found as HTMLButtonElement;
}

/** Focuses the button and presses Enter, as a keyboard user applies a fix. */
async function press(el: MatterDesigner, target: HTMLButtonElement): Promise<void> {
  target.focus();
  await sendKeys({ press: 'Enter' });
  await settled(el);
}

describe('<matter-designer> rates as `matterform report` does', () => {
  let server: DesignServer;
  let sample: Check;

  before(async () => {
    server = await designServer();
    sample = await check(server);
    expect(sample.validate.exit, sample.validate.stderr).to.equal(0);
  });

  after(() => setViewport({ width: 800, height: 600 }));

  it('every sample matter: its rating, forecast and validate problems are the command’s', async function () {
    this.timeout(180000);
    const { texts } = await sampleCatalogue();
    expect(texts.size).to.equal(13);
    expect(sample.report?.matters.map((m) => m.id).sort()).to.deep.equal([...texts.keys()].sort());
    for (const id of texts.keys()) {
      const el = await openDesigner(id, 'en');
      const { rating, forecast } = entryOf(sample, id);
      expect(asJson(el.rating), `${id}: rating`).to.deep.equal(rating);
      expect(asJson(el.forecast), `${id}: forecast`).to.deep.equal(forecast);
      const file = `${server.dir}/matters/${id}.json`;
      const printed = sample.validate.stderr.split('\n').filter((l) => l.replace(/^warning: /, '').startsWith(file));
      expect(asLines(el.problems, file), `${id}: problems`).to.deep.equal(printed);
      expectForecastShown(await openTab(el, 'rating'), forecast as Forecast);
      fixtureCleanup();
    }
  });

  for (const width of [1280, 375])
    it(`is accessible at ${width} px with the rating and problems tabs open`, async () => {
      await setViewport({ width, height: 900 });
      const el = await openMatter((await matters()).flawed);
      const rating = await openTab(el, 'rating');
      expect(rating.shadowRoot?.querySelectorAll('.fixes button').length).to.be.above(0);
      await expect(el).to.be.accessible();
      expectNoHorizontalOverflow(el);
      const problems = await openTab(el, 'problems');
      expect(problems.shadowRoot?.querySelectorAll('button.fix').length).to.be.above(0);
      await expect(el).to.be.accessible();
      expectNoHorizontalOverflow(el);
    });

  describe('a one-action fix', () => {
    let original: Matter;
    let flawed: Matter;
    let report: { rating: object; forecast: unknown };

    before(async () => {
      ({ original, flawed } = await matters());
      // The real report on a copy holding the matter as it should be, published through the store.
      const copy = await designServer();
      await httpDesignStore({ base: copy.store }).publish(original, { version: '9.0.0', changelog: '' });
      const result = await check(copy);
      expect(result.validate.exit, result.validate.stderr).to.equal(0);
      report = entryOf(result, original.id);
      expect(report.rating).to.deep.include({ colour: 'green' });
    });

    /** After the fix: mobile bound again, rated as the report rates the matter, apply green; then Ctrl+Z. */
    async function expectFixedThenUndone(el: MatterDesigner): Promise<void> {
      const { catalogue } = await sampleCatalogue();
      expect(applicant(el.matter as Matter).mobile?.['x-concept']).to.equal('person.mobile');
      expect(asJson(el.rating)).to.deep.equal(report.rating);
      expect(asJson(el.rating)).to.deep.equal(asJson(rateMatter(original, catalogue)));
      expect(asJson(el.forecast)).to.deep.equal(report.forecast);
      await openTab(el, 'rating');
      expect(stageRow(el, 'Apply')).to.match(/^Apply green /);

      await chord('z', 'Control');
      await settled(el);
      expect(JSON.stringify(el.matter)).to.equal(JSON.stringify(flawed));
      expect(stageRow(el, 'Apply')).to.match(/^Apply yellow /);
      expect(el.rating?.stages.apply.colour).to.equal('yellow');
    }

    it('in the rating tab: “Bind … to person.mobile” by keyboard, then Ctrl+Z', async () => {
      const el = await openMatter(flawed);
      const rating = await openTab(el, 'rating');
      expect(stageRow(el, 'Apply')).to.match(/^Apply yellow /);
      const fix = el.problems.find((p) => p.code === 'rating-bind-concept' && p.pointer === MOBILE)?.fix;
      expect(fix?.label.en).to.match(/^Bind .*Mobile number.* to person\.mobile$/);
      const offered = [...(rating.shadowRoot?.querySelectorAll('.fixes button') ?? [])].map((b) =>
        b.textContent?.trim(),
      );
      expect(
        offered.filter((label) => label?.includes('person.mobile')),
        'the edit is offered once, not again as advice',
      ).to.deep.equal([fix?.label.en]);
      await press(el, button(rating, '.fixes button', fix?.label.en as string));
      expect(rating.shadowRoot?.contains(deepActive()), 'focus stays in the rating tab').to.equal(true);
      await expectFixedThenUndone(el);
    });

    it('in the problems tab: “Bind concept person.mobile” by keyboard, then Ctrl+Z', async () => {
      const el = await openMatter(flawed);
      const problems = await openTab(el, 'problems');
      const fix = el.problems.find((p) => p.code === 'advice-concept' && p.pointer === MOBILE)?.fix;
      expect(fix?.label.en).to.equal('Bind concept person.mobile');
      const fixButton = button(problems, 'button.fix', fix?.label.en as string);
      expect(fixButton.closest('li')?.querySelector('button.go')?.textContent?.trim()).to.equal(
        'Go to: field “Mobile number”',
      );
      await press(el, fixButton);
      expect(problems.shadowRoot?.contains(deepActive()), 'focus stays in the problems tab').to.equal(true);
      expect(el.problems.some((p) => p.pointer === MOBILE && p.fix)).to.equal(false);
      await expectFixedThenUndone(el);
    });
  });
});
