// What the React and Vue examples' end-to-end tests share: `vite build` of an example into a
// temporary folder (once per test file), that folder served by the real `matterform serve`
// beside the mock gateway on a free port, and a person's way through the residence-permit form.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { repo } from '../scripts/demo-browser.mjs';

export interface BuiltExample {
  dir: string;
  remove: () => Promise<void>;
}

/** `vite build` of `examples/<name>` into a temporary folder; rejects with Vite's output if it fails. */
export async function buildExample(name: 'react' | 'vue'): Promise<BuiltExample> {
  const dir = await mkdtemp(join(tmpdir(), `matterform-example-${name}-`));
  const child = spawn(
    process.execPath,
    [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'],
    // Vite runs as a person runs it, without the test runner's TypeScript loader.
    { cwd: join(repo, 'examples', name), env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`vite build of examples/${name} failed (${code}):\n${output}`);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export { completeResidencePermit, control, continueStep } from './form-page.test-helpers.js';

/** Agrees on the consent panel (the form asks first, `consent="ask"`), then waits for the name to be filled. */
export async function agreeAndWaitForPrefill(page: Page): Promise<void> {
  await page.locator('matter-form >>> [part~="consent"] button').setTimeout(15000).click();
  await page.waitForFunction(
    () => {
      const root = document.querySelector('matter-form')?.shadowRoot;
      return !root?.querySelector('[part~="consent"]') && root?.querySelector('[part~="badge"]');
    },
    { timeout: 15000 },
  );
}

interface AuditEntry {
  route: string;
  status: number;
  reference?: string;
}

/** The references the mock gateway accepted (`GET /api/__mock/audit`). */
export async function acceptedReferences(url: string): Promise<string[]> {
  const audit = (await (await fetch(`${url}/api/__mock/audit`)).json()) as AuditEntry[];
  return audit
    .filter((e) => e.route === '/submissions' && e.status === 201)
    .flatMap((e) => (e.reference ? [e.reference] : []));
}

/** Errors a page logs, but the 404/503 a source answers for an applicant it has no data for (SPEC §6). */
export function collectErrors(page: Page, url: string): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push((error as Error).message));
  page.on('console', (message) => {
    const noData = message.location().url?.startsWith(`${url}/api/sources/`) && /\b(404|503)\b/.test(message.text());
    if (message.type() === 'error' && !noData) errors.push(message.text());
  });
  return errors;
}
