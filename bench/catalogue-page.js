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
    await element.updateComplete;
    const rows = element.shadowRoot.querySelectorAll('table.matters tbody tr').length;
    if (rows !== catalogue.matters.length)
      throw new Error(`<matter-catalogue> drew ${rows} matter rows, not ${catalogue.matters.length}`);
    const listed = (await painted()) - start;
    await element.calculated;
    await element.updateComplete;
    const busy = element.shadowRoot.querySelectorAll('[aria-busy="true"]').length;
    if (busy > 0) throw new Error('<matter-catalogue> is still aria-busy after its impacts were calculated');
    const filled = (await painted()) - start;
    return { listed, filled };
  },
  clear: () => stage.replaceChildren(),
};
window.benchReady = true;
