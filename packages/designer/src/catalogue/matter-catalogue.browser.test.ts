// <matter-catalogue> on the sample catalogue: the totals are core's, the matters list filters,
// sorts and opens a matter (by pointer and by keyboard), the data and licence lists show what
// connecting each pending provider would change exactly as core's connectionImpact figures it,
// and the element is accessible at desktop and phone width.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  COLOURS,
  catalogueFigures,
  connectionImpact,
  localize,
  pendingProviders,
  rateCatalogue,
  type Catalogue,
} from '@matterform/core';
import { deepActive, sampleCatalogue } from '../designer.test-helpers.js';
import type { MatterCatalogue, MatterOpenDetail } from './matter-catalogue.js';
import '../define.js';

async function openCatalogue(lang = 'en'): Promise<{ el: MatterCatalogue; catalogue: Catalogue }> {
  const { catalogue } = await sampleCatalogue();
  const el = await fixture<MatterCatalogue>(
    html`<matter-catalogue lang=${lang} .catalogue=${catalogue}></matter-catalogue>`,
  );
  await el.calculated;
  await el.updateComplete;
  return { el, catalogue };
}

const root = (el: MatterCatalogue) => el.shadowRoot as ShadowRoot;
const rowIds = (el: MatterCatalogue) =>
  [...root(el).querySelectorAll<HTMLElement>('#panel-matters tbody tr')].map((row) => row.dataset.id);
const rowColours = (el: MatterCatalogue) =>
  [...root(el).querySelectorAll<HTMLElement>('#panel-matters tbody tr')].map((row) => row.dataset.colour);
const count = (el: MatterCatalogue) => root(el).querySelector('#matters-count')?.textContent?.trim();

async function chooseTab(el: MatterCatalogue, tab: string): Promise<void> {
  root(el).querySelector<HTMLButtonElement>(`#tab-${tab}`)?.click();
  await el.updateComplete;
}

async function change(el: MatterCatalogue, control: HTMLInputElement | HTMLSelectElement, event = 'change') {
  control.dispatchEvent(new Event(event, { bubbles: true }));
  await el.updateComplete;
}

describe('<matter-catalogue>', function () {
  this.timeout(30000);
  after(() => setViewport({ width: 800, height: 600 }));

  it('shows the colour totals and the table per department as rateCatalogue counts them', async () => {
    const { el, catalogue } = await openCatalogue();
    await expect(el).to.be.accessible();
    const report = rateCatalogue(catalogue);
    for (const colour of COLOURS) {
      const total = root(el).querySelector(`[part~="totals"] [data-colour="${colour}"]`);
      expect(total?.textContent, colour).to.contain(colour);
      expect(total?.querySelector('strong')?.textContent?.trim(), colour).to.equal(String(report.totals[colour]));
      expect(
        root(el).querySelector(`[part~="departments"] tfoot [data-colour="${colour}"]`)?.textContent?.trim(),
      ).to.equal(String(report.totals[colour]));
    }
    const rows = [...root(el).querySelectorAll<HTMLElement>('[part~="departments"] tbody tr')];
    expect(rows.map((row) => row.dataset.department)).to.have.members(Object.keys(report.departments));
    for (const row of rows) {
      const counts = report.departments[row.dataset.department as string];
      for (const colour of COLOURS)
        expect(row.querySelector(`[data-colour="${colour}"]`)?.textContent?.trim()).to.equal(String(counts?.[colour]));
    }
    // Never colour alone: each colour heading says its name beside the swatch.
    const headings = [...root(el).querySelectorAll('[part~="departments"] thead th')].map((th) =>
      th.textContent?.trim(),
    );
    expect(headings).to.include.members(['red', 'orange', 'yellow', 'green']);
  });

  it('filters the matters by colour, department and text, and says how many it shows', async () => {
    const { el, catalogue } = await openCatalogue();
    const total = catalogue.matters.length;
    expect(count(el)).to.equal(`${total} of ${total} matters`);
    const report = rateCatalogue(catalogue);

    for (const colour of ['orange', 'yellow', 'green'])
      await change(
        el,
        Object.assign(root(el).querySelector('#filter-' + colour) as HTMLInputElement, { checked: false }),
      );
    const reds = report.matters.filter((m) => m.colour === 'red').map((m) => m.id);
    expect(rowIds(el)).to.deep.equal(reds);
    expect(count(el)).to.equal(`${reds.length} of ${total} matters`);

    for (const colour of ['orange', 'yellow', 'green'])
      await change(
        el,
        Object.assign(root(el).querySelector('#filter-' + colour) as HTMLInputElement, { checked: true }),
      );
    const department = root(el).querySelector<HTMLSelectElement>('#filter-department') as HTMLSelectElement;
    department.value = 'public-security';
    await change(el, department);
    const security = report.matters.filter((m) => m.department === 'public-security').map((m) => m.id);
    expect(rowIds(el)).to.deep.equal(security);
    expect(security.length).to.be.greaterThan(1);

    const search = root(el).querySelector<HTMLInputElement>('#filter-search') as HTMLInputElement;
    const residence = catalogue.matters.find((m) => m.id === 'residence-permit');
    search.value = localize(residence?.title, 'zh-CN').slice(0, 3);
    await change(el, search, 'input');
    expect(rowIds(el), 'a Chinese title').to.include('residence-permit');
    expect(rowIds(el).length).to.be.lessThan(security.length);
    search.value = 'RESIDENCE';
    await change(el, search, 'input');
    expect(rowIds(el), 'an English title or id, any case').to.deep.equal(['residence-permit']);
    search.value = 'nothing like this';
    await change(el, search, 'input');
    expect(rowIds(el)).to.deep.equal([]);
    expect(count(el)).to.equal(`0 of ${total} matters`);
  });

  it('sorts by colour from the worst, and back, saying so with aria-sort', async () => {
    const { el } = await openCatalogue();
    const header = () => root(el).querySelectorAll<HTMLElement>('#panel-matters thead th')[3] as HTMLElement;
    expect(header().hasAttribute('aria-sort')).to.equal(false);
    header().querySelector('button')?.click();
    await el.updateComplete;
    const severity = (colours: (string | undefined)[]) => colours.map((c) => COLOURS.indexOf(c as never));
    const ascending = severity(rowColours(el));
    expect(ascending).to.deep.equal([...ascending].sort((a, b) => a - b));
    expect(rowColours(el)[0]).to.equal('red');
    expect(header().getAttribute('aria-sort')).to.equal('ascending');

    header().querySelector('button')?.click();
    await el.updateComplete;
    const descending = severity(rowColours(el));
    expect(descending).to.deep.equal([...descending].sort((a, b) => b - a));
    expect(rowColours(el)[0]).to.equal('green');
    expect(header().getAttribute('aria-sort')).to.equal('descending');

    // Another column takes the sort; the colour header no longer claims it.
    const typed = root(el).querySelectorAll<HTMLElement>('#panel-matters thead th')[7] as HTMLElement;
    typed.querySelector('button')?.click();
    await el.updateComplete;
    expect(header().hasAttribute('aria-sort')).to.equal(false);
    expect(typed.getAttribute('aria-sort')).to.equal('ascending');
    const numbers = [...root(el).querySelectorAll<HTMLElement>('#panel-matters td.forecast')].map((td) =>
      Number(td.dataset.typed),
    );
    expect(numbers.length).to.be.greaterThan(1);
    expect(numbers[0]).to.be.at.most(numbers[numbers.length - 1] as number);
  });

  it('fires matter-open with the matter’s id, by pointer and by keyboard', async () => {
    const { el } = await openCatalogue();
    const button = (id: string) =>
      root(el).querySelector<HTMLButtonElement>(`#panel-matters tr[data-id="${id}"] th button`) as HTMLButtonElement;

    setTimeout(() => button('teacher-qualification').click());
    const clicked = (await oneEvent(document.body, 'matter-open')) as CustomEvent<MatterOpenDetail>;
    expect(clicked.detail).to.deep.equal({ id: 'teacher-qualification' });
    expect(clicked.composed).to.equal(true);

    button('residence-permit').focus();
    expect(deepActive()).to.equal(button('residence-permit'));
    const opened = oneEvent(el, 'matter-open') as Promise<CustomEvent<MatterOpenDetail>>;
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail).to.deep.equal({ id: 'residence-permit' });
  });

  it('moves between the lists with the arrow keys, Home and End (one tab stop)', async () => {
    const { el } = await openCatalogue();
    const tab = (name: string) => root(el).querySelector<HTMLButtonElement>(`#tab-${name}`) as HTMLButtonElement;
    tab('matters').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(deepActive()).to.equal(tab('data'));
    expect(tab('data').getAttribute('aria-selected')).to.equal('true');
    expect(tab('matters').tabIndex).to.equal(-1);
    expect(root(el).querySelector<HTMLElement>('#panel-data')?.hidden).to.equal(false);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(deepActive()).to.equal(tab('licences'));
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(deepActive()).to.equal(tab('matters'));
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(deepActive()).to.equal(tab('matters'));
    expect(root(el).querySelector<HTMLElement>('#panel-matters')?.hidden).to.equal(false);
  });

  it('shows what connecting each source would change, as connectionImpact figures it', async () => {
    const { el, catalogue } = await openCatalogue();
    await chooseTab(el, 'data');
    await expect(el).to.be.accessible();
    const panel = root(el).querySelector('#panel-data') as HTMLElement;
    expect(panel.getAttribute('aria-busy')).to.equal('false');
    const figures = catalogueFigures(catalogue);
    const pending = pendingProviders(catalogue).filter((ref) => ref.startsWith('source:'));
    expect(pending.length).to.be.greaterThan(0);
    for (const ref of pending) {
      const impact = connectionImpact(catalogue, ref, figures);
      const row = panel.querySelector(`tbody tr[data-provider="${ref}"]`) as HTMLElement;
      expect(row.dataset.connected, ref).to.equal('false');
      expect(row.textContent).to.contain('not connected');
      const shown = row.querySelector('.impact') as HTMLElement;
      expect(
        [...shown.querySelectorAll<HTMLElement>('.changes li')].map((li) => ({ ...li.dataset })),
        ref,
      ).to.deep.equal(impact.changes.map((c) => ({ matter: c.id, from: c.from, to: c.to })));
      // A figure that does not move is left out rather than shown as 0.
      expect(Number(shown.querySelector<HTMLElement>('.fields-removed')?.dataset.count ?? 0), ref).to.equal(
        impact.manualFieldsRemoved,
      );
      expect(Number(shown.querySelector<HTMLElement>('.typed-removed')?.dataset.typed ?? 0), ref).to.equal(
        impact.typedRemoved,
      );
      // The matters that use it, each a button that opens the matter.
      const users = [...row.querySelectorAll<HTMLElement>('.used-by button')].map((b) => b.dataset.matter);
      expect(users, ref).to.deep.equal(figures.usedBy.get(ref) ?? []);
    }

    // The example: the city's residence registry turns one matter green.
    const registry = panel.querySelector(
      'tbody tr[data-provider="source:cs-residence-registry"] .impact',
    ) as HTMLElement;
    expect(registry.querySelector('.changes-count')?.textContent?.trim()).to.equal('1 matter(s) change colour');
    const [only] = [...registry.querySelectorAll<HTMLElement>('.changes li')];
    expect({ ...only?.dataset }).to.include({ matter: 'flexible-employment-insurance', from: 'orange', to: 'green' });
    expect(only?.textContent).to.match(/orange\s*→\s*green/);
    expect(registry.querySelector('.fields-removed')?.textContent?.trim()).to.equal('1 typed field(s) disappear');

    // Connected ones say so and offer no impact; the filter keeps only those not connected.
    const connected = catalogue.sources.find((s) => s.connected !== false);
    expect(panel.querySelector(`tr[data-provider="source:${connected?.id}"]`)?.textContent).to.contain('(connected)');
    const show = panel.querySelector<HTMLSelectElement>('#data-show') as HTMLSelectElement;
    show.value = 'pending';
    await change(el, show);
    expect([...panel.querySelectorAll<HTMLElement>('tbody tr')].map((r) => r.dataset.provider)).to.have.members(
      pending,
    );

    // By impact: the most useful first, as connectionImpacts orders them.
    show.value = 'all';
    await change(el, show);
    const sort = panel.querySelector<HTMLSelectElement>('#data-sort') as HTMLSelectElement;
    sort.value = 'impact';
    await change(el, sort);
    const first = panel.querySelector<HTMLElement>('tbody tr')?.dataset.provider;
    expect(first).to.equal('source:cs-residence-registry');

    // Connect next names the same providers first.
    const next = [...panel.querySelectorAll<HTMLElement>('.connect-next li[data-provider]')].map(
      (li) => li.dataset.provider,
    );
    expect(next[0]).to.equal('source:cs-residence-registry');
    expect(next).to.include('licence:residence-permit');
  });

  it('lists the licence types, fresh or not, with the impact of keeping each current', async () => {
    const { el, catalogue } = await openCatalogue('zh-CN');
    await chooseTab(el, 'licences');
    await expect(el).to.be.accessible();
    const panel = root(el).querySelector('#panel-licences') as HTMLElement;
    const rows = [...panel.querySelectorAll<HTMLElement>('tbody tr')];
    expect(rows.length).to.equal(catalogue.licences.length);
    const figures = catalogueFigures(catalogue);
    for (const licence of catalogue.licences) {
      const row = panel.querySelector(`tr[data-provider="licence:${licence.id}"]`) as HTMLElement;
      const fresh = licence.fresh !== false;
      expect(row.dataset.fresh, licence.id).to.equal(String(fresh));
      expect(row.querySelector('.status')?.textContent?.trim(), licence.id).to.equal(fresh ? '保持最新' : '不够新');
      if (fresh) expect(row.querySelector('.impact'), licence.id).to.equal(null);
      else {
        const impact = connectionImpact(catalogue, `licence:${licence.id}`, figures);
        const ids = [...row.querySelectorAll<HTMLElement>('.impact .changes li')].map((li) => li.dataset.matter);
        expect(ids, licence.id).to.deep.equal(impact.changes.map((c) => c.id));
      }
    }
    const stale = panel.querySelector<HTMLSelectElement>('#licences-show') as HTMLSelectElement;
    stale.value = 'stale';
    await change(el, stale);
    expect([...panel.querySelectorAll<HTMLElement>('tbody tr')].map((r) => r.dataset.fresh)).to.satisfy(
      (list: string[]) => list.length > 0 && list.every((f) => f === 'false'),
    );
  });

  it('draws the lists before the impacts are known, then fills them in', async () => {
    // One element first, so the lists' chunk is in the page (fetched once per page).
    const { catalogue } = await openCatalogue();
    // Made by hand, and awaited only through microtasks: no idle period can pass before the checks.
    const el = document.createElement('matter-catalogue');
    el.lang = 'en';
    el.catalogue = catalogue;
    document.body.append(el);
    await el.updateComplete;
    // The first paint has every matter but no impact yet.
    expect(rowIds(el).length).to.equal(catalogue.matters.length);
    await chooseTab(el, 'data');
    const panel = root(el).querySelector('#panel-data') as HTMLElement;
    expect(panel.getAttribute('aria-busy')).to.equal('true');
    expect(panel.querySelector('.calculating')?.textContent).to.contain('Calculating');
    await el.calculated;
    await el.updateComplete;
    expect(panel.getAttribute('aria-busy')).to.equal('false');
    expect(panel.querySelector('.calculating')).to.equal(null);
    // A new catalogue starts again: here one with every source connected.
    el.catalogue = { ...catalogue, sources: catalogue.sources.map((s) => ({ ...s, connected: true })) };
    await el.updateComplete;
    await el.calculated;
    await el.updateComplete;
    await waitUntil(() => panel.querySelectorAll('tbody .impact').length === 0, 'no source left to connect');
    el.remove();
  });

  for (const width of [1280, 375]) {
    it(`is accessible and fits at ${width} px in every list`, async () => {
      await setViewport({ width, height: 900 });
      const { el } = await openCatalogue('zh-CN');
      for (const tab of ['matters', 'data', 'licences']) {
        await chooseTab(el, tab);
        await expect(el).to.be.accessible();
        expect(document.documentElement.scrollWidth, `${tab} page width`).to.be.at.most(window.innerWidth);
        expect(el.scrollWidth, `${tab} element width`).to.be.at.most(el.clientWidth + 1);
      }
    });
  }
});
