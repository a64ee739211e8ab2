/* global window, document, customElements, requestAnimationFrame, MessageChannel, MutationObserver, setTimeout, clearTimeout, structuredClone */
// The designer benchmark's page (bench/designer.mjs): opens the render benchmark's matters in
// <matter-designer> from dist/matterform-designer.js and times an edit until the rating and
// the preview's real form show it.

const stage = document.getElementById('stage');
const forms = new Map();

const painted = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );

async function quiet() {
  window.gc?.();
  await painted();
}

/** The id <matter-form> gives a pointer's control (present.ts `idFor('mf', …)`). */
const idFor = (pointer) => 'mf' + pointer.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0).toString(16)}_`);

let designer;
let edits = 0;

/** Resolves when `test()` holds, checked now and after each change under `root` (10 s at most). */
function until(root, test) {
  if (test()) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the preview did not show the edit within 10 s'));
    }, 10000);
    const observer = new MutationObserver(() => {
      if (!test()) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

function previewForm() {
  const form = designer.shadowRoot.querySelector('matter-designer-preview')?.shadowRoot?.querySelector('matter-form');
  if (!form) throw new Error('<matter-designer> shows no preview with a <matter-form>');
  return form;
}

const labelOf = (form, pointer) => form.shadowRoot?.querySelector(`label[for="${idFor(pointer)}"]`)?.textContent ?? '';

window.designerPage = {
  defined: () => customElements.get('matter-designer') !== undefined,
  async load(n) {
    forms.set(n, await (await fetch(`/form-${n}.json`)).json());
  },
  /** A new designer opened on the n-field matter: from setting `matter` to its first render drawn and laid out. */
  async open(n) {
    const catalogue = forms.get(n);
    stage.replaceChildren();
    await quiet();
    designer = document.createElement('matter-designer');
    designer.setAttribute('lang', 'zh-CN');
    stage.append(designer);
    designer.catalogue = catalogue;
    await designer.updateComplete;
    const start = performance.now();
    designer.matter = structuredClone(catalogue.matters[0]);
    await designer.updateComplete;
    void designer.offsetHeight;
    return performance.now() - start;
  },
  /** Waits until the preview's form has drawn the first field (prefill and checks settled). */
  async previewReady() {
    const form = previewForm();
    await until(form.shadowRoot ?? form, () => labelOf(form, '/g0/name') !== '');
  },
  /** One edit (the title of a field early in the form): until `rating` is recomputed, then until the preview draws it. */
  async edit(pointer) {
    const [, group, name] = pointer.split('/');
    const title = `标题 ${++edits}`;
    const before = designer.rating;
    const form = previewForm();
    await painted();
    const start = performance.now();
    designer.apply([{ op: 'replace', path: `/schema/properties/${group}/properties/${name}/title`, value: title }]);
    await designer.updateComplete;
    if (designer.rating === before) throw new Error('the rating was not recomputed after an edit');
    const rated = performance.now();
    const drawn = await until(form.shadowRoot, () => labelOf(form, pointer).startsWith(title));
    void designer.offsetHeight;
    return { rating: rated - start, preview: Math.max(drawn, performance.now()) - start };
  },
  clear: () => stage.replaceChildren(),
};
window.benchReady = true;
