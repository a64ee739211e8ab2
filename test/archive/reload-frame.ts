// Runs in test/archive/reload.html, opened in an iframe by test/archive-reload.test.ts: 己
// opens a sample matter in the <matter-form> of dist/matterform.js, which keeps its draft in
// the page's default archive. The parent types, reloads this page, and looks again.
import type { Matter } from '@matterform/core';
import { importBundle, sampleCatalogue } from '../bundle-checks.test-helpers.js';

const F = '430121198209120286';
const MATTER = 'individual-business-registration';

const json = async (url: string): Promise<unknown> => (await fetch(url)).json();

async function open(): Promise<void> {
  await importBundle();
  const catalogue = await sampleCatalogue();
  const { url } = (await json('/__gateway')) as { url: string };
  const form = document.createElement('matter-form');
  form.setAttribute('consent', 'granted');
  form.setAttribute('gateway', url);
  document.body.append(form);
  form.addEventListener('matter-prefill', () => parent.postMessage({ prefilled: true }, location.origin), {
    once: true,
  });
  form.subject = { kind: 'person', id: F, token: `demo:${F}` };
  form.catalogue = catalogue;
  form.matter = catalogue.matters.find((m: Matter) => m.id === MATTER) as Matter;
}

open().catch((error: unknown) => parent.postMessage({ failure: String(error) }, location.origin));
