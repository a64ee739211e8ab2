// Shared by the materials tests: the sample catalogue as a browser fetches it, and what a
// person does with a file input.
import { expect } from '@open-wc/testing';
import { loadCatalogue, type Catalogue, type Matter } from '@matterform/core';

export async function sampleCatalogue(): Promise<Catalogue> {
  const read = async (path: string) => (await fetch(`/schemas/catalogue/${path}`)).json();
  const names = (await (await fetch('/__sample-matters')).json()) as string[];
  const load = loadCatalogue({
    concepts: await read('concepts.json'),
    sources: await read('sources.json'),
    licences: await read('licences.json'),
    matters: await Promise.all(names.map((name) => read(`matters/${name}`))),
  });
  if (!load.ok) throw new Error('the sample catalogue does not load');
  return load.catalogue;
}

export function matterOf(catalogue: Catalogue, id: string): Matter {
  const matter = catalogue.matters.find((m) => m.id === id);
  if (!matter) throw new Error(`no matter ${id} in the sample catalogue`);
  return matter;
}

/** Text as read: whitespace runs as one space. */
export const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The material whose name starts with `title`, as drawn in `root`. */
export function item(root: ParentNode, title: string): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('[part~="material"]')].find((li) =>
    squash(li.querySelector('[part~="material-title"]')?.textContent).startsWith(title),
  );
}

export function shown(root: ParentNode, title: string): HTMLElement {
  const found = item(root, title);
  expect(found, `${title} is shown`).to.exist;
  return found as HTMLElement;
}

export const statusOf = (li: HTMLElement): string => squash(li.querySelector('[part~="status"]')?.textContent);
export const detailsOf = (li: HTMLElement): string[] =>
  [...li.querySelectorAll('[part~="detail"]')].map((p) => squash(p.textContent));
export const errorsOf = (li: HTMLElement): string[] =>
  [...li.querySelectorAll('[part~="error-message"]')].map((p) => squash(p.textContent));
export const fileNames = (li: HTMLElement): string[] =>
  [...li.querySelectorAll('[part~="file"] .file-name')].map((s) => squash(s.textContent));

/** What the person does with the file picker: chooses files, and the input fires `change`. */
export function choose(li: HTMLElement, files: File[]): void {
  const input = li.querySelector<HTMLInputElement>('input[type="file"]');
  expect(input, 'a file input').to.exist;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  (input as HTMLInputElement).files = transfer.files;
  input?.dispatchEvent(new Event('change', { bubbles: true }));
}

export const pdf = (name: string, bytes = 1000): File =>
  new File([new Uint8Array(bytes).fill(37)], name, { type: 'application/pdf' });
