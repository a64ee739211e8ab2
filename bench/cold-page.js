/* global window, document, requestAnimationFrame, MessageChannel, queueMicrotask */
// The cold pages of the render benchmark (bench/render.mjs serves one per renderer and form
// size, each loaded in a new incognito context: an empty HTTP cache, as a first visit). Each
// page's own module imports its renderer, reads the form from the page, draws it and calls
// `whenDrawn` with how to find the step's last field. The first render ends once that field
// is in the DOM and a frame has been painted with it: looked for at once, after microtasks,
// then in each requestAnimationFrame; a message posted from the frame in which it is found
// arrives after that frame is painted (the same clock as bench/peers' harness, so figures
// compare). Not Element Timing nor paint entries: those do not see into a shadow root, and
// the first contentful paint is the form's first line, not its last field.
// `window.cold` then holds milliseconds from navigation start (performance.now()'s origin).

/** The form the page carries in `<script type="application/json" id="form-data">`. */
export const formData = () => JSON.parse(document.getElementById('form-data').textContent);

/**
 * Records `window.cold` once `lastField()` is drawn and painted; `scriptsRun`, when the page's
 * module began (once every module it imports was fetched and evaluated).
 */
export function whenDrawn(lastField, scriptsRun) {
  let drawn;
  const painted = () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'script' || entry.initiatorType === 'other');
      window.cold = {
        painted: performance.now(),
        drawn,
        scriptsRun,
        documentLoaded: navigation?.responseEnd ?? 0,
        scriptsLoaded: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
        scripts: scripts.length,
      };
    };
    channel.port2.postMessage(0);
  };
  const found = () => {
    if (lastField() === null || lastField() === undefined) return false;
    drawn = performance.now();
    return true;
  };
  const frame = () => requestAnimationFrame(() => (found() ? painted() : frame()));
  if (found()) requestAnimationFrame(painted);
  else
    queueMicrotask(() => {
      if (found()) requestAnimationFrame(painted);
      else frame();
    });
}
