// Runs in test/missing-chunk/frame.html, opened in an iframe by test/missing-chunk.test.ts: the
// bundle as served from /__missing-chunk/dist/, where its archive-view chunk answers 404 (see
// web-test-runner.config.mjs), opens a sample matter and tells the parent what it heard.
import type { Matter } from '@matterform/core';
import { sampleCatalogue } from '../bundle-checks.test-helpers.js';

const A = '430102199003150311';

const json = async (url: string): Promise<unknown> => (await fetch(url)).json();

async function open(): Promise<void> {
  // A URL in a variable: the type checker has no module for it, the browser does.
  const bundle = '/__missing-chunk/dist/matterform.js';
  await import(bundle);
  const catalogue = await sampleCatalogue();
  const { url } = (await json('/__gateway')) as { url: string };
  const form = document.createElement('matter-form');
  form.setAttribute('consent', 'granted');
  form.setAttribute('gateway', url);
  document.body.append(form);
  form.addEventListener('matter-error', (event) => parent.postMessage({ error: event.detail }, location.origin));
  form.addEventListener('matter-prefill', (event) =>
    parent.postMessage({ filled: event.detail.filled.length, failed: event.detail.failed }, location.origin),
  );
  form.subject = { kind: 'person', id: A, token: `demo:${A}` };
  form.catalogue = catalogue;
  form.matter = catalogue.matters.find((m: Matter) => m.id === 'residence-permit') as Matter;
}

open().catch((error: unknown) => parent.postMessage({ failure: String(error) }, location.origin));
