// The designer page (examples/designer) as `matterform design` serves it, in Debian's Chromium:
// it opens on the catalogue, and choosing a matter there — by pointer or by keyboard — opens it
// in the designer with its heading focused and the address naming it; Back returns to the
// catalogue; the fallback page of an installed CLI shows the catalogue above the designer.
// Needs `npm run build` (the page loads dist/matterform-designer.js).
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'puppeteer-core';
import { startDesignServer, type RunningDesignServer } from '../packages/cli/src/design.js';
import { launchChromium, repo } from '../scripts/demo-browser.mjs';

describe('the designer page’s catalogue view in Chromium', function () {
  this.timeout(60000);
  let root: string;
  let server: RunningDesignServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'matterform-catalogue-page-'));
    const dir = join(root, 'catalogue');
    await cp(join(repo, 'schemas/catalogue'), dir, { recursive: true });
    server = await startDesignServer({
      dir,
      port: 0,
      bundle: join(repo, 'dist'),
      page: join(repo, 'examples/designer'),
    });
    browser = await launchChromium();
  });

  after(async () => {
    await page?.close();
    await browser?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  /** Which view shows, which nav link is current, and what the designer has open. */
  const state = () =>
    page.evaluate(() => {
      const designer = document.getElementById('designer') as HTMLElement & { matter?: { id: string } };
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return {
        catalogue: !(document.getElementById('catalogue-view') as HTMLElement).hidden,
        designer: !(document.getElementById('designer-view') as HTMLElement).hidden,
        current: document.querySelector('nav [aria-current="page"]')?.id,
        matter: designer.matter?.id,
        select: (document.getElementById('matters') as HTMLSelectElement).value,
        search: location.search,
        focused: active?.getAttribute('part') ?? active?.localName,
        focusedText: active?.textContent?.trim(),
      };
    });

  const rowButton = (id: string) => `#catalogue >>> tr[data-id="${id}"] th button`;

  it('opens on the catalogue; a matter chosen there opens in the designer, and Back returns', async () => {
    page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.designerUrl, { waitUntil: 'load' });
    await page.waitForSelector(rowButton('teacher-qualification'), { timeout: 30000 });

    const first = await state();
    expect(first).to.include({ catalogue: true, designer: false, current: 'nav-catalogue' });

    await page.click(rowButton('teacher-qualification'));
    await page.waitForFunction(
      () => (document.getElementById('designer') as HTMLElement & { matter?: { id: string } }).matter?.id,
    );
    await page.waitForFunction(() => document.activeElement?.id === 'designer');
    const opened = await state();
    expect(opened).to.include({
      catalogue: false,
      designer: true,
      current: 'nav-designer',
      matter: 'teacher-qualification',
      select: 'teacher-qualification',
      search: '?matter=teacher-qualification',
      focused: 'title',
    });

    await page.goBack();
    await page.waitForFunction(() => !(document.getElementById('catalogue-view') as HTMLElement).hidden);
    expect(await state()).to.include({ catalogue: true, designer: false, search: '' });

    // By keyboard: the title button focused, Enter.
    await page.focus(rowButton('residence-permit'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        (document.getElementById('designer') as HTMLElement & { matter?: { id: string } }).matter?.id ===
        'residence-permit',
    );
    await page.waitForFunction(() => document.activeElement?.id === 'designer');
    expect(await state()).to.include({ designer: true, search: '?matter=residence-permit', focused: 'title' });

    // The language switch reaches the catalogue too.
    await page.click('#nav-catalogue');
    await page.click('#lang');
    const heading = await page.$eval('#catalogue >>> [part~="heading"]', (h) => h.textContent?.trim());
    expect(heading).to.equal('Catalogue and four colours');
    expect(errors).to.deep.equal([]);
  });

  it('opens the designer directly when the address names a matter', async () => {
    await page.goto(`${server.designerUrl}?matter=household-migration`, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        (document.getElementById('designer') as HTMLElement & { matter?: { id: string } }).matter?.id ===
        'household-migration',
      { timeout: 30000 },
    );
    expect(await state()).to.include({ catalogue: false, designer: true, current: 'nav-designer' });
  });
});

describe('the fallback designer page (an installed CLI, no examples/designer) in Chromium', function () {
  this.timeout(60000);
  let root: string;
  let server: RunningDesignServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'matterform-fallback-page-'));
    const dir = join(root, 'catalogue');
    await cp(join(repo, 'schemas/catalogue'), dir, { recursive: true });
    server = await startDesignServer({ dir, port: 0, bundle: join(repo, 'dist') });
    browser = await launchChromium();
  });

  after(async () => {
    await page?.close();
    await browser?.close();
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('shows the catalogue above the designer; a matter chosen there opens in the designer', async () => {
    page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.designerUrl, { waitUntil: 'load' });
    const row = 'matter-catalogue >>> tr[data-id="teacher-qualification"] th button';
    await page.waitForSelector(row, { timeout: 30000 });
    await page.click(row);
    await page.waitForFunction(
      () =>
        (document.querySelector('matter-designer') as HTMLElement & { matter?: { id: string } }).matter?.id ===
        'teacher-qualification',
    );
    const after = await page.evaluate(() => ({
      select: (document.getElementById('matters') as HTMLSelectElement).value,
      folded: !(document.getElementById('catalogue-view') as HTMLDetailsElement).open,
    }));
    expect(after).to.deep.equal({ select: 'teacher-qualification', folded: true });
    expect(errors).to.deep.equal([]);
  });
});
