/* global window, document, customElements, requestAnimationFrame, MessageChannel, structuredClone */
// The catalogue benchmark's page (bench/catalogue.mjs): opens the generated catalogue in
// <matter-catalogue> from dist/matterform-designer.js and times it until the matters list is
// painted, and until every pending provider's impact is filled in (no list `aria-busy`).

const stage = document.getElementById('stage');
let catalogue;

/** The time of the next frame painted: a rAF, then the task after it. */
const painted = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );

window.cataloguePage = {
  defined: () => customElements.get('matter-catalogue') !== undefined,
  async load() {
    catalogue = await (await fetch('/catalogue.json')).json();
    return catalogue.matters.length;
  },
  /** One opening: `listed` when the frame shows every matter's row, `filled` when no list is busy any more. */
  async open() {
    stage.replaceChildren();
    window.gc?.();
    await painted();
    const element = document.createElement('matter-catalogue');
    element.lang = 'zh-CN';
    const start = performance.now();
    // A fresh copy each time: the element works out its figures per catalogue object.
    element.catalogue = structuredClone(catalogue);
    stage.append(element);
    // The lists are a chunk of their own (fetched at the first opening, the untimed one): the
    // rows are drawn in the update after it is there, so look after each update and frame.
    const rows = () => element.shadowRoot.querySelectorAll('table.matters tbody tr').length;
    let listed;
    for (;;) {
      await element.updateComplete;
      const at = await painted();
      if (rows() === catalogue.matters.length) {
        listed = at - start;
        break;
      }
      if (at - start > 60000)
        throw new Error(`<matter-catalogue> drew ${rows()} matter rows, not ${catalogue.matters.length}, in 60 s`);
    }
    await element.calculated;
    await element.updateComplete;
    const busy = element.shadowRoot.querySelectorAll('[aria-busy="true"]').length;
    if (busy > 0) throw new Error('<matter-catalogue> is still aria-busy after its impacts were calculated');
    const filled = (await painted()) - start;
    if (element.shadowRoot.querySelectorAll('table.matters tbody tr').length !== catalogue.matters.length)
      throw new Error('<matter-catalogue> lost matter rows while filling in the impacts');
    return { listed, filled };
  },
  clear: () => stage.replaceChildren(),
};
window.benchReady = true;
