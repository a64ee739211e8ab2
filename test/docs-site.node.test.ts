// The documentation site as a reader meets it: `scripts/build-docs.mjs` builds it into a
// temporary folder, a plain static server serves it on a free loopback port, and Debian's
// Chromium opens every page. Needs `npm run build` (the bundles, the CLI, the manifests).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchChromium, repo } from '../scripts/demo-browser.mjs';
import { readManifests } from '../scripts/docs/elements-api.mjs';
import { serveStatic, type StaticServer } from '../scripts/docs/static-server.mjs';

const run = promisify(execFile);
// axe-core as @open-wc/testing's element tests use it, here on whole pages.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface NavEntry {
  file: string;
  title: string;
}

describe('documentation site (npm run docs) in Chromium', function () {
  this.timeout(120000);
  let out: string;
  let server: StaticServer;
  let browser: Browser;
  let pages: NavEntry[];
  const opened: Page[] = [];

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'matterform-docs-'));
    // The script runs as a person runs it, without the test runner's TypeScript loader.
    await run(process.execPath, [join(repo, 'scripts', 'build-docs.mjs'), '--out', out], {
      cwd: repo,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    pages = JSON.parse(await readFile(join(out, 'pages.json'), 'utf8')) as NavEntry[];
    server = await serveStatic(out);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close();
  });

  /** A page of the site, with every error, failed request and request leaving the site recorded. */
  async function open(file: string, viewport = { width: 1280, height: 900 }) {
    const page = await browser.newPage();
    opened.push(page);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`${file}: ${(error as Error).message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${file}: console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`${file}: ${request.url()} failed`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${server.url}/`) && !url.startsWith('data:'))
        problems.push(`${file}: left the site: ${url}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${file}: ${response.url()} answered ${response.status()}`);
    });
    await page.setViewport(viewport);
    await page.goto(`${server.url}/${file}`, { waitUntil: 'networkidle0' });
    return { page, problems };
  }

  /** The labels of the playground's form, each with whether its `for` names a control. */
  const labelledControls = (page: Page) =>
    page.evaluate(() => {
      const root = document.getElementById('form')?.shadowRoot;
      return [...(root?.querySelectorAll('label, legend') ?? [])].map((label) => {
        const forId = label instanceof HTMLLabelElement ? label.htmlFor : '';
        const control = forId ? root?.getElementById(forId) : label.closest('fieldset')?.querySelector('input');
        return { text: label.textContent?.trim() ?? '', control: control?.tagName.toLowerCase() ?? null };
      });
    });

  it('has the pages of the brief, each in the nav of every page', async () => {
    const titles = pages.map((p) => p.title);
    for (const title of [
      'Overview',
      'Getting started',
      'Element API',
      'CLI reference',
      'Catalogue format',
      'Gateway contract',
      'Live demo',
      'Designer',
      'Playground',
      'Peers benchmark',
    ])
      expect(titles).to.include(title);
    // Every hand-written page is in the nav.
    const { readdir } = await import('node:fs/promises');
    for (const md of (await readdir(join(repo, 'docs'))).filter((f) => f.endsWith('.md')))
      expect(pages.map((p) => p.file)).to.include(md.replace(/\.md$/, '.html'));
    for (const { file } of pages) {
      const html = await readFile(join(out, file), 'utf8');
      for (const other of pages) expect(html, file).to.include(`href="${other.file}"`);
    }
  });

  it('loads every page at desktop and phone width with no error, no failed request, nothing from elsewhere, nothing wider than the phone', async function () {
    // Twenty page loads, the designer's among them: slow on a shared machine.
    this.timeout(300000);
    const problems: string[] = [];
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 812 },
    ]) {
      for (const { file } of pages) {
        const { page, problems: found } = await open(file, viewport);
        if (file === 'demo.html' || file === 'playground.html') {
          await page.waitForFunction(
            () => document.getElementById('form')?.shadowRoot?.querySelector('[part~="form"]'),
            {
              timeout: 30000,
            },
          );
        }
        if (file === 'designer.html') {
          await page.waitForFunction(
            () => (document.getElementById('designer') as { matter?: unknown } | null)?.matter,
            {
              timeout: 30000,
            },
          );
        }
        if (viewport.width > 1000) {
          // The site's own markup (the elements' shadow roots have their own axe tests).
          await page.addScriptTag({ path: AXE });
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as {
                axe: {
                  run: (
                    context: unknown,
                    options: unknown,
                  ) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
                };
              }
            ).axe;
            const result = await axe.run(
              { exclude: [['matter-form'], ['matter-designer'], ['matter-catalogue']] },
              { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] },
            );
            return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
          });
          found.push(...violations.map((v) => `${file}: axe: ${v}`));
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) found.push(`${file} at ${viewport.width}px: ${overflow}px wider than the window`);
        expect(await page.$eval('main h1', (h) => h.textContent?.trim()), file).to.not.equal('');
        problems.push(...found);
        await page.close();
        opened.splice(opened.indexOf(page), 1);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('has no broken link: every internal link names a page of the site and an anchor on it', async () => {
    const idsOf = new Map<string, Set<string>>();
    const ids = async (file: string) => {
      if (!idsOf.has(file)) {
        const html = await readFile(join(out, file), 'utf8');
        idsOf.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string)));
      }
      return idsOf.get(file) as Set<string>;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const { file } of pages) {
      // Every link of the site is in its HTML (the live examples' scripts add none), read as
      // the browser resolves it against the page's address.
      const html = await readFile(join(out, file), 'utf8');
      for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) {
        const url = new URL((href as string).replace(/&amp;/g, '&'), `${server.url}/${file}`);
        if (url.origin !== server.url) continue;
        checked++;
        const target = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
        if (!existsSync(join(out, target))) broken.push(`${file} → ${href}: no such file`);
        else if (url.hash && !(await ids(target)).has(decodeURIComponent(url.hash.slice(1))))
          broken.push(`${file} → ${href}: no such anchor`);
      }
    }
    expect(broken).to.deep.equal([]);
    expect(checked).to.be.greaterThan(pages.length * pages.length);
  });

  it('renders a pasted JSON Schema in the playground at once, and keeps the last good form for text that is not JSON', async () => {
    const { page, problems } = await open('playground.html');
    await page.waitForFunction(() => document.getElementById('form')?.shadowRoot?.querySelector('[part~="form"]'));
    const schema = {
      type: 'object',
      required: ['title'],
      properties: {
        title: { type: 'string', title: 'Book title' },
        pages: { type: 'integer', title: 'Number of pages' },
        format: { type: 'string', title: 'Format', enum: ['hardback', 'paperback'] },
        lent: { type: 'boolean', title: 'Lent out' },
      },
    };
    await page.click('#schema', { count: 3 });
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    // Pasted, as a person pastes it: the whole text arrives in one input event.
    await page.keyboard.sendCharacter(JSON.stringify(schema, null, 2));
    await page.waitForFunction(() =>
      [...(document.getElementById('form')?.shadowRoot?.querySelectorAll('label, legend') ?? [])].some((l) =>
        l.textContent?.includes('Book title'),
      ),
    );
    const labels = await labelledControls(page);
    for (const title of ['Book title', 'Number of pages', 'Format', 'Lent out']) {
      const found = labels.find((l) => l.text.startsWith(title));
      expect(found, `${title} in ${JSON.stringify(labels)}`).to.not.equal(undefined);
      expect(found?.control, title).to.not.equal(null);
    }
    expect(await page.$eval('#schema-error', (p) => p.textContent)).to.equal('');

    // Filled and submitted: the page shows the data the form hands over.
    const title = await page.evaluateHandle(() => {
      const root = document.getElementById('form')?.shadowRoot;
      const label = [...(root?.querySelectorAll('label') ?? [])].find((l) => l.textContent?.startsWith('Book title'));
      return root?.getElementById(label?.htmlFor ?? '');
    });
    await (title.asElement() as ElementHandle<HTMLInputElement>).type('Dream of the Red Chamber');
    await page.click('#form >>> [part~="actions"] button.primary');
    await page.waitForFunction(() => document.getElementById('data-section')?.hidden === false);
    expect(JSON.parse(await page.$eval('#data', (pre) => pre.textContent ?? ''))).to.include({
      title: 'Dream of the Red Chamber',
    });
    await page.focus('#schema');
    await page.keyboard.press('End');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');

    // Text that is not JSON: a message, and the form drawn from the last good schema stays.
    await page.keyboard.type(' }oops');
    await page.waitForFunction(() => document.getElementById('schema-error')?.textContent !== '');
    expect(await page.$eval('#schema-error', (p) => p.textContent)).to.match(/^Not JSON yet/);
    expect(await page.$eval('#schema', (t) => t.getAttribute('aria-invalid'))).to.equal('true');
    expect((await labelledControls(page)).some((l) => l.text.startsWith('Book title'))).to.equal(true);
    expect(problems).to.deep.equal([]);
  });

  it('fills the static demo for a synthetic applicant from the sample fixtures, with no gateway', async () => {
    const { page, problems } = await open('demo.html');
    await page.locator('#form >>> [part~="consent"] button').setTimeout(30000).click();
    await page.waitForFunction(() => document.getElementById('form')?.shadowRoot?.querySelector('[part~="badge"]'), {
      timeout: 30000,
    });
    expect(await page.$eval('.note', (p) => p.textContent)).to.include('there is no gateway here');
    expect(problems).to.deep.equal([]);
  });

  it('lists every event of <matter-form> on the element API page, matter-submitted with its detail', async () => {
    const { page } = await open('elements.html');
    const events = await page.$$eval('#matter-form-events ~ .table tbody tr', (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim())),
    );
    const submitted = events.find(([name]) => name === 'matter-submitted');
    expect(submitted?.[1]).to.include('reference');
    expect(events.map(([name]) => name)).to.include.members(['matter-ready', 'matter-input', 'matter-error']);
    for (const heading of ['matter-form', 'matter-materials', 'matter-designer', 'matter-catalogue'])
      expect(await page.$(`h2#${heading}`), heading).to.not.equal(null);
  });

  it('lists every route the mock gateway serves on the gateway contract page', async () => {
    const source = await readFile(join(repo, 'packages/cli/src/gateway.ts'), 'utf8');
    const routes = [...source.matchAll(/method: '(GET|POST)',\s*pattern: [^\n]+\n\s*template: '([^']+)'/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(routes.length).to.be.greaterThan(5);
    const { page } = await open('gateway.html');
    const text = await page.$eval('main', (main) => main.textContent ?? '');
    for (const route of routes) expect(text, route).to.include(route);
  });

  it('names the CLI commands from `matterform --help`', async () => {
    const { page } = await open('cli.html');
    const commands = await page.$$eval('main h2 code', (codes) => codes.map((c) => c.textContent));
    expect(commands).to.include.members([
      'matterform validate',
      'matterform report',
      'matterform prefill',
      'matterform types',
      'matterform compile',
      'matterform serve',
      'matterform design',
    ]);
  });

  it('says how to make a missing manifest, instead of building a page without it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'matterform-docs-repo-'));
    try {
      await writeFile(join(empty, 'README.md'), 'not a repository\n');
      expect(() => readManifests(empty)).to.throw(
        /packages\/elements\/custom-elements\.json is missing.*npm run build/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
