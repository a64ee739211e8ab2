// Types of demo-browser.mjs for the TypeScript tests that import it.
import type { Browser, Page } from 'puppeteer-core';

export const repo: string;

export interface Demo {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  stdout(): string;
  stderr(): string;
  close(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startDemo(options?: { args?: string[] }): Promise<Demo>;
export function launchChromium(options?: { lang?: string }): Promise<Browser>;
export function waitForPrefill(page: Page, options?: { timeout?: number }): Promise<void>;
