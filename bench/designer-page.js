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
  /**
   * A new designer opened on the n-field matter: from setting `matter` until a frame painted
   * with the outline and the preview's form showing the first field, and until
   * `updateComplete` (the problems found too).
   */
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
    const outlined = () =>
      designer.shadowRoot
        .querySelector('matter-designer-outline')
        ?.shadowRoot?.querySelector('[role="treeitem"][aria-level="2"]');
    const form = () =>
      designer.shadowRoot.querySelector('matter-designer-preview')?.shadowRoot?.querySelector('matter-form');
    let shown = await painted();
    for (let frames = 0; !(outlined() && form() && labelOf(form(), '/g0/name')); frames++) {
      if (frames > 1000) throw new Error('the designer did not show the outline and the preview');
      shown = await painted();
    }
    await designer.updateComplete;
    return { shown: shown - start, settled: performance.now() - start };
  },
  /** Waits until the preview's form has drawn the first field (prefill and checks settled). */
  async previewReady() {
    const form = previewForm();
    await until(form.shadowRoot ?? form, () => labelOf(form, '/g0/name') !== '');
  },
  /**
   * One edit (the title of a field): until the frame that shows the rating recomputed is
   * painted, until the preview's form draws the new title, and until `updateComplete`
   * resolves (the problems found too, which the designer does once the page is idle).
   */
  async edit(pointer) {
    const [, group, name] = pointer.split('/');
    const title = `标题 ${++edits}`;
    const before = designer.rating;
    const form = previewForm();
    let label;
    // The label is looked up again only when the form has drawn a new one: the watching must cost next to nothing.
    const drawsTitle = () => {
      if (!label?.isConnected) label = form.shadowRoot?.querySelector(`label[for="${idFor(pointer)}"]`);
      return label?.textContent.startsWith(title) ?? false;
    };
    await painted();
    const start = performance.now();
    designer.apply([{ op: 'replace', path: `/schema/properties/${group}/properties/${name}/title`, value: title }]);
    const drawing = until(form.shadowRoot, drawsTitle);
    const rated = await painted();
    if (designer.rating === before) throw new Error('the rating was not recomputed after an edit');
    // Drawn in the frame that showed the rating, or painted in a later one.
    const drawn = (await drawing) <= rated ? rated : await painted();
    await designer.updateComplete;
    const settled = performance.now();
    return { rating: rated - start, preview: drawn - start, settled: settled - start };
  },
  /** Edits one after the other (for the profile), each until the preview draws it. */
  async edits(pointers) {
    for (const pointer of pointers) await this.edit(pointer);
  },
  clear: () => stage.replaceChildren(),
};
window.benchReady = true;
