// What the department-site demo's end-to-end test and scripts/screenshot-demo.mjs share:
// the real `matterform serve` on a free port, and Debian's Chromium driven by puppeteer-core
// (nothing is downloaded). Needs `npm run build` first: the page loads dist/matterform.js.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const repo = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts `matterform serve` on the sample catalogue and its fixtures, as `npm start` does but
 * on a free port; resolves once it has printed its URLs. `close()` stops it with SIGTERM.
 */
export function startDemo({ args = [] } = {}) {
  const child = spawn(
    process.execPath,
    [
      'packages/cli/bin/matterform.js',
      'serve',
      'schemas/catalogue',
      '--fixtures',
      'schemas/catalogue/fixtures.json',
      '--port',
      '0',
      ...args,
    ],
    // The command runs as a person runs it, without a test runner's TypeScript loader.
    { cwd: repo, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const site = /^site +(\S+)/m.exec(stdout)?.[1];
      if (!/^gateway \S+$/m.test(stdout) || site === undefined) return;
      resolve({
        url: site.replace(/\/$/, ''),
        stdout: () => stdout,
        stderr: () => stderr,
        close: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`matterform serve exited (${code ?? signal}) before it was up:\n${stderr}`)),
    );
  });
}

/**
 * Headless Chromium from CHROMIUM_PATH, else Debian's /usr/bin/chromium; `lang` sets its
 * locale, which native controls such as date inputs follow.
 */
export function launchChromium({ lang } = {}) {
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      // Chromium refuses to run as root with its sandbox on (containers, CI).
      ...(runningAsRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
}

/**
 * Resolves once the demo page has settled for its current choice: the first `matter-prefill`
 * has reached the prefill panel, or the page says the component or the data did not load. When the form
 * asks for consent first (`consent="ask"`, SPEC §5), the person agrees: the panel's first
 * button (the element's `consent` part) is its "agree and fill in".
 */
export async function waitForPrefill(page, { timeout = 15000 } = {}) {
  const settled = () => {
    const summary = document.getElementById('prefill-summary');
    const status = document.getElementById('status');
    const loadProblem = document.getElementById('load-problem');
    if (document.getElementById('form')?.shadowRoot?.querySelector('[part~="consent"] button')) return 'consent';
    return (
      summary?.dataset.filled !== undefined ||
      status?.dataset.state === 'statusMissing' ||
      status?.dataset.state === 'statusError' ||
      loadProblem?.hidden === false
    );
  };
  const first = await page.waitForFunction(settled, { timeout });
  if ((await first.jsonValue()) !== 'consent') return;
  await page.locator('#form >>> [part~="consent"] button').setTimeout(timeout).click();
  await page.waitForFunction(() => !document.getElementById('form')?.shadowRoot?.querySelector('[part~="consent"]'), {
    timeout,
  });
  await page.waitForFunction(settled, { timeout });
}

/**
 * Records what goes wrong in `page` into `problems`, each line prefixed with `label`: uncaught
 * errors, and console errors other than a 404 (a source with no data for the applicant answers
 * 404, SPEC §6: expected, not a problem).
 */
export function collectPageProblems(page, label, problems) {
  page.on('pageerror', (error) => problems.push(`${label}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/\b404\b/.test(message.text())) problems.push(`${label}: ${message.text()}`);
  });
}
