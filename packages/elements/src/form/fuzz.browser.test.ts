// A sample of the fuzz documents (issue 17; packages/cli/src/fuzz.node.test.ts runs the full
// set through the loader, validate, report and compile) given straight to <matter-form>, as a
// host holding an unchecked matter or catalogue would: the element either draws a form a
// person can fill or says why not with `matter-error` — never a blank element, never an
// uncaught error. fast-check's per-run timeout is the hang detector.
import { expect, fixtureSync, html } from '@open-wc/testing';
import fc from 'fast-check';
import type { Catalogue, Matter } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import { arbitraryCatalogue, arbitraryMatter } from '../../../core/src/catalogue/arbitrary-documents.test-helpers.js';
import { sample } from '../../../core/src/catalogue/sample-catalogue.test-helpers.js';
import '../define.js';

const RUNS = { matter: 60, catalogue: 30 };
const SETTINGS = { timeout: 10_000 } as const;

type Outcome = { event: 'ready' } | { event: 'error'; code: string; message: string };

/** The first of `matter-ready` and `matter-error`, and the uncaught errors the page saw meanwhile. */
async function render(matter: unknown, catalogue: unknown): Promise<{ el: MatterForm; outcome: Outcome }> {
  const el = fixtureSync<MatterForm>(html`<matter-form lang="en"></matter-form>`);
  const outcome = new Promise<Outcome>((resolve) => {
    el.addEventListener('matter-ready', () => resolve({ event: 'ready' }), { once: true });
    el.addEventListener(
      'matter-error',
      (e) => {
        const { code, message } = (e as CustomEvent<{ code: string; message: string }>).detail;
        resolve({ event: 'error', code, message });
      },
      { once: true },
    );
  });
  el.catalogue = catalogue as Catalogue;
  el.matter = matter as Matter;
  const result = await outcome;
  await el.updateComplete;
  return { el, outcome: result };
}

const CONTROLS = 'input, select, textarea';

/** What a person sees: a form with something to fill, or the element's own words on what is wrong. */
function expectNotBlank(el: MatterForm, outcome: Outcome): void {
  const root = el.shadowRoot as ShadowRoot;
  if (outcome.event === 'error') {
    expect(outcome.code).to.match(/^[a-z-]+$/);
    expect(outcome.message).to.be.a('string').and.not.equal('');
    return;
  }
  const drawn = root.querySelectorAll(CONTROLS).length + root.querySelectorAll('button').length;
  expect(drawn, 'controls or buttons of a drawn form').to.be.greaterThan(0);
  expect(root.textContent?.trim(), 'the drawn form says something').to.not.equal('');
}

describe(`<matter-form> fuzz: ${RUNS.matter + RUNS.catalogue} unchecked documents`, function () {
  this.timeout(180_000);
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(String(e.error?.stack ?? e.message));
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason?.stack ?? e.reason));
  const warn = console.warn;
  before(() => {
    // Fields placed in no layout step are warned about on the console; here that is expected.
    console.warn = () => {};
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    console.warn = warn;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it(`${RUNS.matter} mutated matters in the sample catalogue: a form or matter-error, never blank or uncaught`, async () => {
    const catalogue = sample();
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryMatter(), async (matter) => {
        uncaught.length = 0;
        const { el, outcome } = await render(matter, { ...catalogue, matters: [matter] });
        expectNotBlank(el, outcome);
        // axe on a few of them: the drawn form (or its error) stays accessible.
        if (checked++ % 10 === 0) await expect(el).to.be.accessible();
        el.remove();
        expect(uncaught).to.deep.equal([]);
      }),
      { numRuns: RUNS.matter, seed: 1721, ...SETTINGS },
    );
  });

  it(`${RUNS.catalogue} mutated catalogues with their first matter: a form or matter-error`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCatalogue(), async ({ catalogue }) => {
        uncaught.length = 0;
        const matters = (catalogue as { matters?: unknown } | null)?.matters;
        const matter = Array.isArray(matters) ? matters[0] : matters;
        const { el, outcome } = await render(matter ?? sample().matters[0], catalogue);
        expectNotBlank(el, outcome);
        el.remove();
        expect(uncaught).to.deep.equal([]);
      }),
      { numRuns: RUNS.catalogue, seed: 1722, ...SETTINGS },
    );
  });
});

// What the fuzz found (seed 1721), kept as plain tests: each drew nothing and fired nothing.
describe('<matter-form> fuzz regressions', () => {
  const broken = (change: (matter: Record<string, unknown>) => void): Record<string, unknown> => {
    const matter = sample().matters[0] as Record<string, unknown>;
    change(matter);
    return matter;
  };

  it('says matter-invalid for a layout step whose fields are not a list of pointers (run 15: thrown while drawing, blank form)', async () => {
    const matter = broken((m) => (m.layout = { steps: [{ title: 'Step', fields: '/applicant' }] }));
    const { el, outcome } = await render(matter, { ...sample(), matters: [matter] });
    expect(outcome).to.deep.equal({
      event: 'error',
      code: 'matter-invalid',
      message: 'residence-permit: /layout/steps/0/fields: must be a list of JSON Pointers',
    });
    await expect(el).to.be.accessible();
  });

  it('says matter-invalid for an `if` ajv cannot compile (run 26: thrown while drawing, blank form)', async () => {
    const matter = broken((m) => {
      const schema = m.schema as { if: Record<string, unknown> };
      schema.if.format = { type: 'array' };
    });
    const errors: string[] = [];
    const { el, outcome } = await render(matter, { ...sample(), matters: [matter] });
    if (outcome.event === 'error') errors.push(outcome.code);
    // Drawn first, then judged: the error follows the ready event when the data validator compiles.
    else
      await new Promise<void>((resolve) =>
        el.addEventListener(
          'matter-error',
          (e) => {
            errors.push((e as CustomEvent<{ code: string }>).detail.code);
            resolve();
          },
          { once: true },
        ),
      );
    expect(errors).to.deep.equal(['matter-invalid']);
    await expect(el).to.be.accessible();
  });

  it('says matter-invalid for a matter that is an empty string, not an unset one', async () => {
    const { outcome } = await render('', sample());
    expect(outcome).to.deep.equal({ event: 'error', code: 'matter-invalid', message: 'the matter is not an object' });
  });
});
