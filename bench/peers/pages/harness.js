/* global window, document, requestAnimationFrame, MessageChannel, InputEvent, HTMLInputElement */
// What every page of the peers benchmark shares: the form's description from the page, the
// first ("cold") render timed from navigation start, and `window.peer` for bench/peers/run.mjs
// to time a re-render, keystrokes and a full validation the same way for every library. Each
// library's page gives an adapter: mount(stage, form) and unmount(), lastField() (the form's
// last control, or null while it is not drawn), textField() (the first group's name input),
// typed() (what the library's own model holds for it), submit() and errorShown() (whether
// the last group's required "所在社区" shows its error).

/** After the next frame is painted: a message posted from requestAnimationFrame runs after the frame. */
export const painted = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    }),
  );

/** Resolves once `ready()` holds: checked at once, after microtasks, then after each frame. */
async function until(ready, what, limit = 600) {
  if (ready()) return;
  await Promise.resolve();
  for (let frame = 0; !ready(); frame++) {
    if (frame > limit) throw new Error(`${what}: not seen after ${limit} frames`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Every element under `root`, shadow roots included. */
function* walk(root) {
  for (const node of root.querySelectorAll('*')) {
    yield node;
    if (node.shadowRoot) yield* walk(node.shadowRoot);
  }
}

const hasText = (node) => (node?.textContent ?? '').trim().length > 0;

/** Whether a control has an accessible name from a label, aria-labelledby or aria-label. */
function labelled(control) {
  if (control.labels && [...control.labels].some(hasText)) return true;
  if ((control.getAttribute('aria-label') ?? '').trim()) return true;
  const ids = (control.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  const root = control.getRootNode();
  return ids.some((id) => hasText(root.getElementById(id)));
}

/** The visible form controls a person can fill (not buttons), and how many of them are labelled. */
function controls() {
  const found = [...walk(document)].filter(
    (node) =>
      /^(INPUT|SELECT|TEXTAREA)$/.test(node.tagName) &&
      !/^(hidden|button|submit|reset)$/.test(node.type) &&
      node.getClientRects().length > 0,
  );
  const kinds = {};
  for (const node of found) {
    const kind = node.tagName === 'INPUT' ? node.type : node.tagName.toLowerCase();
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return { total: found.length, labelled: found.filter(labelled).length, kinds };
}

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;

/** Starts the page: draws the form at once (the cold render), then offers `window.peer`. */
export async function start(adapter) {
  const form = JSON.parse(document.getElementById('form-data').textContent);
  const stage = document.getElementById('stage');
  const drawn = () => adapter.lastField() !== null;

  const render = async () => {
    adapter.mount(stage, form);
    await until(drawn, 'the last field');
    return painted();
  };

  try {
    window.peerCold = await render();
  } catch (error) {
    window.peerFailed = String(error?.stack ?? error);
    return;
  }

  window.peer = {
    controls,
    typed: () => adapter.typed(),
    /** A re-render in this page: the form removed, its removal painted, then drawn again. */
    async warm() {
      adapter.unmount();
      await painted();
      window.gc?.();
      const start = performance.now();
      return (await render()) - start;
    },
    /**
     * `count` keystrokes into the first name field: its text changes by one character and
     * `input` fires (the prototype's setter, so React sees a change), timed until painted.
     */
    async keystrokes(count) {
      const input = adapter.textField();
      input.focus();
      const times = [];
      let text = '';
      for (let i = 0; i < count; i++) {
        text = text.length >= 40 ? '张' : `${text}张`;
        await painted();
        const start = performance.now();
        setValue.call(input, text);
        input.dispatchEvent(
          new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: '张' }),
        );
        times.push((await painted()) - start);
      }
      // The library's model, not just the input, holds what was typed: the work was done
      // (JSON Forms passes text on 300 ms after the last keystroke, README).
      await until(
        () => adapter.typed() === text,
        `“${text}” typed, the model holding ${JSON.stringify(adapter.typed())} and the input “${input.value}”`,
      );
      return times;
    },
    /** A fresh, empty form submitted: timed until the last group's error is painted. */
    async validate() {
      adapter.unmount();
      await painted();
      await render();
      if (adapter.errorShown()) throw new Error('an error shows before submitting');
      window.gc?.();
      const start = performance.now();
      adapter.submit();
      await until(() => adapter.errorShown(), 'the last error');
      return (await painted()) - start;
    },
  };
}
