// The designer knows what the state already holds (issue 14, SPEC §10): it shows the fill
// forecast in its header and beside each field a provider fills, and advises binding a field
// to the concept a source provides. Applying that advice (one action in the problems tab)
// changes the forecast and the colour exactly as the real `matterform report` says of the
// document once published to a `matterform design` server; Ctrl+Z gives both back.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Forecast, Matter } from '@matterform/core';
import type { MatterDesigner } from './matter-designer.js';
import { httpDesignStore } from './stores/http-store.js';
import {
  chord,
  expectNoHorizontalOverflow,
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
  colour: string;
  forecast: Forecast;
}

async function designServer(): Promise<DesignServer> {
  return (await (await fetch('/__design-server/new', { method: 'POST' })).json()) as DesignServer;
}

/** The real `matterform report --format json` entry of `id` on the server's folder. */
async function reported(server: DesignServer, id: string): Promise<{ rating: object; forecast: Forecast }> {
  const result = (await (await fetch(`/__design-server/check?dir=${encodeURIComponent(server.dir)}`)).json()) as {
    validate: { exit: number; stderr: string };
    report: { matters: ReportEntry[] } | null;
  };
  expect(result.validate.exit, result.validate.stderr).to.equal(0);
  const entry = result.report?.matters.find((m) => m.id === id);
  expect(entry, `the report rates ${id}`).to.exist;
  const { forecast, ...rating } = entry as ReportEntry;
  return { rating, forecast };
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const MOBILE = '/schema/properties/applicant/properties/mobile';

type Fields = Record<string, Record<string, unknown>>;
const applicant = (matter: Matter): Fields =>
  (matter.schema as { properties: { applicant: { properties: Fields } } }).properties.applicant.properties;

/**
 * residence-permit with its date of birth and mobile number unbound: four required fields typed
 * by hand, so the apply stage is yellow (SPEC §4); binding the mobile number makes three, green.
 */
async function flawedMatter(): Promise<Matter> {
  const matter = await sampleMatter('residence-permit');
  delete applicant(matter).birthDate?.['x-concept'];
  delete applicant(matter).mobile?.['x-concept'];
  return matter;
}

function headerForecast(el: MatterDesigner): string {
  return el.shadowRoot?.querySelector('[part="forecast"]')?.textContent?.trim() ?? '';
}

/** The outline row of the field titled `title`: what it shows, and what it says to a screen reader. */
function outlineRow(el: MatterDesigner, title: string): { shown: string; said: string } {
  const rows = [...(panel(el, 'outline').shadowRoot?.querySelectorAll('[role="treeitem"].field') ?? [])];
  const row = rows.find((r) => r.querySelector(':scope > .row .title')?.textContent?.trim() === title);
  expect(row, title).to.exist;
  const badge = row?.querySelector(':scope > .row .forecast');
  return {
    shown: badge?.querySelector('[aria-hidden="true"]')?.textContent?.trim() ?? '',
    said: badge?.querySelector('.visually-hidden')?.textContent?.trim() ?? '',
  };
}

async function openTab(el: MatterDesigner, tab: string): Promise<HTMLElement> {
  const button = el.shadowRoot?.querySelector<HTMLButtonElement>(`#view-tab-${tab}`);
  button?.focus();
  button?.click();
  await settled(el);
  return panel(el, tab);
}

describe('<matter-designer> forecast and advice', () => {
  let server: DesignServer;
  let flawed: Matter;
  let flawedReport: { rating: object; forecast: Forecast };

  before(async () => {
    server = await designServer();
    flawed = await flawedMatter();
    // The real report on the flawed document, published into the server's copy.
    await httpDesignStore({ base: server.store }).publish(flawed, { version: '9.0.0', changelog: '' });
    flawedReport = await reported(server, flawed.id);
    expect(flawedReport.rating).to.deep.include({ colour: 'yellow' });
  });

  after(() => setViewport({ width: 800, height: 600 }));

  async function open(): Promise<MatterDesigner> {
    const { catalogue } = await sampleCatalogue();
    const el = await fixture<MatterDesigner>(
      html`<matter-designer
        lang="en"
        .catalogue=${catalogue}
        .matter=${structuredClone(flawed)}
        .store=${httpDesignStore({ base: server.store })}
      ></matter-designer>`,
    );
    await settled(el);
    return el;
  }

  it('shows the forecast in the header and beside each field as the report gives it', async () => {
    const el = await open();
    await expect(el).to.be.accessible();
    expect(asJson(el.forecast)).to.deep.equal(flawedReport.forecast);
    expect(headerForecast(el)).to.equal(
      `A first-time applicant types about ${flawedReport.forecast.typed} required field(s)`,
    );
    const share = flawedReport.forecast.fields['/applicant/name']?.share as number;
    // Rounded down as a whole percent: a share short of everyone never reads "100%".
    const percent = `${Math.floor(share * 100)}%`;
    const name = outlineRow(el, 'Name');
    expect(name.shown).to.equal(`≈${percent}`);
    expect(name.said).to.match(new RegExp(`^about ${percent} of applicants find it filled; providers: .+`));
    expect(name.said).to.not.match(/source:|licence:/);
    // The unbound mobile number: nobody fills it, so no share beside it.
    expect(outlineRow(el, 'Mobile number').shown).to.equal('');

    // The selected field's properties say the same, providers by title.
    const outline = panel(el, 'outline');
    const nameRow = [...(outline.shadowRoot?.querySelectorAll<HTMLElement>('[role="treeitem"].field') ?? [])].find(
      (r) => r.querySelector(':scope > .row .title')?.textContent?.trim() === 'Name',
    ) as HTMLElement;
    nameRow.querySelector<HTMLElement>(':scope > .row')?.click();
    await settled(el);
    const properties = el.shadowRoot?.querySelector('matter-designer-properties');
    const line = properties?.shadowRoot?.querySelector('#field-forecast')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(line).to.equal(`${name.shown} ${name.said}`);
  });

  it('advises binding the mobile number; the fix changes forecast and colour as the report says, and undo restores them', async function () {
    this.timeout(60000);
    const el = await open();
    const problems = await openTab(el, 'problems');
    const advice = el.problems.find((p) => p.code === 'advice-concept' && p.pointer === MOBILE);
    expect(advice?.message.en).to.match(/^field "Mobile number" has no concept, but the state already holds/);
    expect(advice?.message.en).to.contain('(rating: ');
    const fixButton = [...(problems.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.fix') ?? [])].find(
      (b) => b.textContent?.trim() === 'Bind concept person.mobile',
    ) as HTMLButtonElement;
    expect(fixButton).to.exist;
    fixButton.focus();
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(applicant(el.matter as Matter).mobile?.['x-concept']).to.equal('person.mobile');

    // The changed document published through the server's store (not the designer's publish,
    // which opens the published document afresh, without history): the real report rates it.
    await httpDesignStore({ base: server.store }).publish(structuredClone(el.matter as Matter), {
      version: '9.1.0',
      changelog: 'bind the mobile number',
    });
    const after = await reported(server, flawed.id);
    expect(after.rating).to.deep.include({ colour: 'green' });
    expect(asJson(el.rating)).to.deep.equal(after.rating);
    expect(asJson(el.forecast)).to.deep.equal(after.forecast);
    expect(after.forecast.typed).to.be.below(flawedReport.forecast.typed);
    expect(headerForecast(el)).to.equal(`A first-time applicant types about ${after.forecast.typed} required field(s)`);
    expect(outlineRow(el, 'Mobile number').shown).to.match(/^≈\d+%$/);

    await chord('z', 'Control');
    await settled(el);
    expect(JSON.stringify(el.matter)).to.equal(JSON.stringify(flawed));
    expect(asJson(el.forecast)).to.deep.equal(flawedReport.forecast);
    expect(asJson(el.rating)).to.deep.equal(flawedReport.rating);
    expect(headerForecast(el)).to.equal(
      `A first-time applicant types about ${flawedReport.forecast.typed} required field(s)`,
    );
    expect(outlineRow(el, 'Mobile number').shown).to.equal('');
  });

  for (const width of [1280, 375])
    it(`is accessible at ${width} px with the forecast and the advice shown`, async () => {
      await setViewport({ width, height: 900 });
      const el = await open();
      expect(headerForecast(el)).to.not.equal('');
      await expect(el).to.be.accessible();
      expectNoHorizontalOverflow(el);
      const problems = await openTab(el, 'problems');
      expect(problems.shadowRoot?.querySelectorAll('button.fix').length).to.be.above(0);
      await expect(el).to.be.accessible();
      expectNoHorizontalOverflow(el);
    });
});
