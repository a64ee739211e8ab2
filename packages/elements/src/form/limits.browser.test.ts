// A matter beyond core's LIMITS given straight to the form (issue 17): an enum of 100,000
// options overflowed the stack while the select was built, leaving a blank form and no
// `matter-error`; a schema of 50,000 fields, or a few `$ref`s expanding to as many, froze the
// tab. The form now refuses each with `matter-error` `matter-invalid` naming the place, says
// so where the form would be, and still draws a list of choices at the limit.
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { LIMITS, type Matter } from '@matterform/core';
import type { MatterForm } from './matter-form.js';
import type { MatterErrorDetail } from '../events.js';
import '../define.js';

function matterOf(properties: Record<string, unknown>): Matter {
  return {
    id: 'limits',
    version: '1.0.0',
    title: { 'zh-CN': '上限', en: 'Limits' },
    schema: { type: 'object', properties },
  } as unknown as Matter;
}

const options = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);

/** The form given `matter`, what it fired, and every error the page saw meanwhile. */
async function load(matter: Matter, outcome: 'matter-error' | 'matter-ready') {
  const el = fixtureSync<MatterForm>(html`<matter-form lang="en"></matter-form>`);
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const errors: MatterErrorDetail[] = [];
  el.addEventListener('matter-error', (e) => errors.push(e.detail));
  try {
    const fired = oneEvent(el, outcome);
    el.matter = matter;
    await fired;
    await el.updateComplete;
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return { el, errors, uncaught };
}

const alertText = (el: MatterForm) =>
  el.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<matter-form>: a matter beyond the limits', () => {
  it('refuses an enum of 100,000 options with matter-invalid naming it, instead of a blank form', async () => {
    const { el, errors, uncaught } = await load(
      matterOf({ pick: { type: 'string', title: 'Pick', enum: options(100_000) } }),
      'matter-error',
    );
    expect(uncaught).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['matter-invalid']);
    expect(errors[0]?.message).to.equal(
      'limits: /schema/properties/pick/enum: has 100,000 options; a list of choices may have at most 5,000',
    );
    expect(alertText(el)).to.contain('/schema/properties/pick/enum: has 100,000 options');
    expect(el.shadowRoot?.querySelector('select')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('refuses 50,000 fields with matter-invalid before drawing any', async () => {
    const fields = Object.fromEntries(
      Array.from({ length: 50_000 }, (_, i) => [`f${i}`, { type: 'string', title: `Field ${i}` }]),
    );
    const { el, errors, uncaught } = await load(matterOf(fields), 'matter-error');
    expect(uncaught).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['matter-invalid']);
    expect(errors[0]?.message).to.equal('limits: the schema expands to more than 5000 fields');
    expect(el.shadowRoot?.querySelectorAll('input')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('refuses a small schema whose $refs expand to more fields than the limit', async () => {
    // Each level refers twice to the one below: 13 levels written, 16,382 fields expanded.
    const $defs: Record<string, unknown> = { l0: { type: 'string' } };
    for (let i = 1; i <= 13; i++)
      $defs[`l${i}`] = {
        type: 'object',
        properties: { a: { $ref: `#/$defs/l${i - 1}` }, b: { $ref: `#/$defs/l${i - 1}` } },
      };
    const matter = matterOf({ top: { $ref: '#/$defs/l13' } });
    (matter.schema as Record<string, unknown>).$defs = $defs;
    const { el, errors, uncaught } = await load(matter, 'matter-error');
    expect(uncaught).to.deep.equal([]);
    expect(errors).to.deep.equal([
      { code: 'matter-invalid', message: 'limits: the schema expands to more than 5000 fields' },
    ]);
    expect(el.shadowRoot?.querySelectorAll('input')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('counts a large matter after its first paint, and refuses one of 501 materials with matter-invalid', async () => {
    const matter = matterOf({ name: { type: 'string', title: 'Name' } });
    matter.materials = Array.from({ length: 501 }, (_, i) => ({
      id: `m${i}`,
      title: { 'zh-CN': `材料 ${i}`, en: `Material ${i}` },
      required: false,
    })) as Matter['materials'];
    const { el, errors, uncaught } = await load(matter, 'matter-error');
    expect(uncaught).to.deep.equal([]);
    expect(errors.map((e) => e.code)).to.deep.equal(['matter-invalid']);
    expect(errors[0]?.message).to.equal('limits: /materials: has 501 materials; at most 500 are allowed');
    expect(alertText(el)).to.contain('/materials: has 501 materials');
    expect(el.shadowRoot?.querySelectorAll('input')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('draws a list of choices at the limit, its last option chosen like any other', async () => {
    const { el, errors } = await load(
      matterOf({ pick: { type: 'string', title: 'Pick', enum: options(LIMITS.optionsPerEnum) } }),
      'matter-ready',
    );
    expect(errors).to.deep.equal([]);
    const select = el.shadowRoot?.querySelector('select') as HTMLSelectElement;
    // "Choose…" and every option.
    expect(select.options).to.have.length(LIMITS.optionsPerEnum + 1);
    select.value = String(LIMITS.optionsPerEnum - 1);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.value).to.deep.equal({ pick: `o${LIMITS.optionsPerEnum - 1}` });
    await expect(el).to.be.accessible();
  });
});
