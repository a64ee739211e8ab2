// Chromium only (mocha in Node skips *.browser.test.ts): the widget drawn by a throwaway host
// that does what <matter-form> does for a `group` widget — a fieldset whose legend is the label.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import type { FieldInfo, JsonSchemaObject, Locale } from '@matterform/core';
import { loadRegions } from './regions.js';
import { tokens } from '../../styles.js';
import type { WidgetContext } from '../widget.js';
import { loadRegionWork, regionWidget } from './region.js';

const schema: JsonSchemaObject = { type: 'string', format: 'cn-region' };
const field: FieldInfo = {
  pointer: '/region',
  schemaPointer: '/properties/region',
  schema,
  parent: '',
  name: 'region',
  kind: 'leaf',
  branch: false,
  required: true,
  inArray: false,
};

class RegionHost extends LitElement {
  static override styles = [tokens];
  static override properties = {
    value: { attribute: false },
    locale: { attribute: false },
    readonly: { type: Boolean },
    disabled: { type: Boolean },
    invalid: { type: Boolean },
  };
  declare value: unknown;
  declare locale: Locale;
  declare readonly: boolean;
  declare disabled: boolean;
  declare invalid: boolean;
  /** Every value the widget handed to `change`, in order. */
  changes: unknown[] = [];

  constructor() {
    super();
    this.value = undefined;
    this.locale = 'zh-CN';
    this.readonly = false;
    this.disabled = false;
    this.invalid = false;
  }

  override render() {
    const label = this.locale === 'en' ? 'Place of residence' : '居住地';
    const context: WidgetContext = {
      id: 'f-region',
      pointer: '/region',
      field,
      schema,
      value: this.value,
      requested: undefined,
      lang: this.locale,
      label,
      required: true,
      readonly: this.readonly,
      disabled: this.disabled,
      invalid: this.invalid,
      describedBy: this.invalid ? 'f-region-hint f-region-error' : 'f-region-hint',
      options: [],
      change: (value) => {
        this.changes.push(value);
        this.value = value;
      },
    };
    return html`<fieldset>
      <legend>${label}</legend>
      <p id="f-region-hint">${this.locale === 'en' ? 'Where you live now' : '现居住地'}</p>
      ${this.invalid ? html`<p id="f-region-error">请选择居住地</p>` : ''}
      ${(regionWidget.render as NonNullable<typeof regionWidget.render>)(context)}
    </fieldset>`;
  }
}
customElements.define('region-host', RegionHost);

const shadow = (el: RegionHost): ShadowRoot => el.shadowRoot as ShadowRoot;
const selects = (el: RegionHost): HTMLSelectElement[] => [...shadow(el).querySelectorAll('select')];
const labelOf = (el: RegionHost, control: Element): string =>
  shadow(el).querySelector(`label[for="${control.id}"]`)?.textContent?.trim() ?? '';
const chosenText = (select: HTMLSelectElement): string => select.selectedOptions[0]?.text ?? '';

/** Picks an option as the browser does for a person: the value changes, then `change` fires. */
async function pick(el: RegionHost, select: HTMLSelectElement, value: string): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A host showing `value`, set up before its first render, with the region data loaded. */
async function host(value?: unknown, setup?: (el: RegionHost) => void): Promise<RegionHost> {
  const el = document.createElement('region-host') as RegionHost;
  el.value = value;
  setup?.(el);
  await fixture(el);
  await loadRegions();
  // The loading state's code box has inputmode; the loaded states have none.
  await waitUntil(() => shadow(el).querySelector('input[inputmode]') === null, 'region data loaded');
  return el;
}

describe('regionWidget', () => {
  it('drawn before its chunk: a code box named by the field, then the code box of the cascade, then its selects', async () => {
    // First in the file: nothing has fetched the widget's chunk yet, as for a host drawing it at once.
    expect(loadRegionWork.loaded).to.equal(undefined);
    const changes: unknown[] = [];
    const context: WidgetContext = {
      id: 'f-region',
      pointer: '/region',
      field,
      schema,
      value: '430102',
      lang: 'zh-CN',
      label: '居住地',
      required: true,
      readonly: false,
      disabled: false,
      invalid: false,
      describedBy: '',
      options: [],
      change: (value) => changes.push(value),
    };
    const box = regionWidget.draw(context) as HTMLElement;
    const standIn = box.querySelector('input') as HTMLInputElement;
    expect(standIn.id).to.equal('f-region');
    expect(standIn.value).to.equal('430102');
    expect(standIn.getAttribute('aria-label')).to.equal('居住地');
    standIn.value = '430103';
    standIn.dispatchEvent(new Event('input'));
    expect(changes).to.deep.equal(['430103']);
    const el = await fixture<HTMLFieldSetElement>(
      html`<fieldset>
        <legend>居住地</legend>
        ${box}
      </fieldset>`,
    );
    // The chunk draws into the same box; the division table is still on its way.
    await loadRegionWork();
    const input = el.querySelector('input');
    expect(input?.value).to.equal('430102');
    expect(el.querySelector(`label[for="f-region"]`)?.textContent).to.equal('行政区划代码（6位数字）');
    await expect(el).to.be.accessible();
    await loadRegions();
    await waitUntil(() => el.querySelectorAll('select').length > 0, 'selects after the data');
    expect([...el.querySelectorAll('select')].map((s) => s.value)).to.deep.equal(['430000', '430100', '430102']);
  });

  it('is accessible and labels each select, the first with the field id', async () => {
    const el = await host();
    await expect(el).to.be.accessible();
    const [province, ...rest] = selects(el);
    expect(rest).to.have.length(0);
    expect(province?.id).to.equal('f-region');
    expect(labelOf(el, province as Element)).to.equal('省');
    expect(province?.getAttribute('aria-describedby')).to.equal('f-region-hint');
    expect(province?.getAttribute('aria-required')).to.equal('true');
    expect(province?.getAttribute('autocomplete')).to.equal('address-level1');
    expect(chosenText(province as HTMLSelectElement)).to.equal('请选择');
    expect(province?.options).to.have.length(35);
  });

  it('chooses province → city → county and reports the deepest code', async () => {
    const el = await host();
    await pick(el, selects(el)[0] as HTMLSelectElement, '430000');
    expect(selects(el).map((s) => s.id)).to.deep.equal(['f-region', 'f-region-city']);
    await expect(el).to.be.accessible();
    await pick(el, selects(el)[1] as HTMLSelectElement, '430100');
    expect(selects(el).map((s) => s.id)).to.deep.equal(['f-region', 'f-region-city', 'f-region-county']);
    expect(selects(el).map((s) => labelOf(el, s))).to.deep.equal(['省', '市', '区县']);
    await pick(el, selects(el)[2] as HTMLSelectElement, '430102');
    expect(el.changes).to.deep.equal(['430000', '430100', '430102']);
    expect(selects(el).map(chosenText)).to.deep.equal(['湖南省', '长沙市', '芙蓉区']);
    await expect(el).to.be.accessible();
  });

  it('clears the lower levels when the province changes', async () => {
    const el = await host('430102');
    await pick(el, selects(el)[0] as HTMLSelectElement, '110000');
    expect(el.changes).to.deep.equal(['110000']);
    // A municipality's districts come straight after it.
    expect(selects(el).map((s) => s.id)).to.deep.equal(['f-region', 'f-region-county']);
    expect(selects(el).map((s) => s.value)).to.deep.equal(['110000', '']);
    await pick(el, selects(el)[1] as HTMLSelectElement, '110105');
    expect(el.changes).to.deep.equal(['110000', '110105']);
    await pick(el, selects(el)[1] as HTMLSelectElement, '');
    expect(el.changes.at(-1)).to.equal('110000');
    await pick(el, selects(el)[0] as HTMLSelectElement, '');
    expect(el.changes.at(-1)).to.equal(undefined);
    expect(selects(el)).to.have.length(1);
  });

  it('shows a prefilled value’s whole path', async () => {
    const el = await host('430102');
    expect(selects(el).map((s) => s.value)).to.deep.equal(['430000', '430100', '430102']);
    expect(selects(el).map(chosenText)).to.deep.equal(['湖南省', '长沙市', '芙蓉区']);
    el.value = '441900';
    await el.updateComplete;
    // Dongguan has no counties: the city is the whole answer.
    expect(selects(el).map(chosenText)).to.deep.equal(['广东省', '东莞市']);
    el.value = '710000';
    await el.updateComplete;
    expect(selects(el).map(chosenText)).to.deep.equal(['台湾省']);
    el.value = '419001';
    await el.updateComplete;
    expect(selects(el).map(chosenText)).to.deep.equal(['河南省', '省直辖县级行政区划', '济源市']);
    expect(el.changes).to.deep.equal([]);
  });

  it('keeps an unknown code as given and says so', async () => {
    const el = await host('430199');
    const county = selects(el)[2] as HTMLSelectElement;
    expect(selects(el).map((s) => s.value)).to.deep.equal(['430000', '430100', '430199']);
    expect(chosenText(county)).to.equal('430199（未识别的代码）');
    const note = shadow(el).getElementById('f-region-note');
    expect(note?.textContent).to.contain('430199');
    expect(county.getAttribute('aria-describedby')).to.equal('f-region-note');
    await expect(el).to.be.accessible();

    el.value = 'A1';
    await el.updateComplete;
    expect(selects(el)).to.have.length(1);
    expect(chosenText(selects(el)[0] as HTMLSelectElement)).to.equal('A1（未识别的代码）');
    expect(selects(el)[0]?.getAttribute('aria-describedby')).to.equal('f-region-hint f-region-note');
    expect(el.changes).to.deep.equal([]);
    await pick(el, selects(el)[0] as HTMLSelectElement, '430000');
    expect(el.changes).to.deep.equal(['430000']);
    expect(shadow(el).getElementById('f-region-note')).to.equal(null);
  });

  it('read-only: focusable text boxes with the path, which cannot be changed', async () => {
    const el = await host('430102', (h) => (h.readonly = true));
    await expect(el).to.be.accessible();
    expect(selects(el)).to.have.length(0);
    const inputs = [...shadow(el).querySelectorAll('input')];
    expect(inputs.map((i) => i.id)).to.deep.equal(['f-region', 'f-region-city', 'f-region-county']);
    expect(inputs.map((i) => i.value)).to.deep.equal(['湖南省', '长沙市', '芙蓉区']);
    expect(inputs.every((i) => i.readOnly && !i.disabled)).to.equal(true);
    expect(inputs.map((i) => labelOf(el, i))).to.deep.equal(['省', '市', '区县']);
    const first = inputs[0] as HTMLInputElement;
    first.focus();
    expect(shadow(el).activeElement).to.equal(first);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '1' });
    expect(first.value).to.equal('湖南省');
    expect(el.changes).to.deep.equal([]);
  });

  it('disabled: every select is disabled', async () => {
    const el = await host('430102', (h) => (h.disabled = true));
    expect(selects(el).every((s) => s.disabled)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('marks the selects invalid while an error shows', async () => {
    const el = await host('430000', (h) => (h.invalid = true));
    expect(selects(el).map((s) => s.getAttribute('aria-invalid'))).to.deep.equal(['true', 'true']);
    expect(selects(el)[0]?.getAttribute('aria-describedby')).to.equal('f-region-hint f-region-error');
    await expect(el).to.be.accessible();
  });

  it('works from the keyboard alone, keeping focus as levels appear', async () => {
    const el = await host();
    const province = selects(el)[0] as HTMLSelectElement;
    province.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.changes).to.deep.equal(['110000']);
    expect(shadow(el).activeElement).to.equal(province);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id).to.equal('f-region-county');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.changes).to.deep.equal(['110000', '110101']);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(shadow(el).activeElement).to.equal(province);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.changes.at(-1)).to.equal('120000');
    expect(selects(el).map((s) => s.value)).to.deep.equal(['120000', '']);
  });

  it('speaks English', async () => {
    const el = await host('430102', (h) => (h.locale = 'en'));
    await expect(el).to.be.accessible();
    expect(selects(el).map((s) => labelOf(el, s))).to.deep.equal(['Province', 'City', 'County']);
    const city = selects(el)[1] as HTMLSelectElement;
    expect(city.options[0]?.text).to.equal('Choose');
    // The names stay Chinese, marked so a screen reader reads them as such.
    expect(city.selectedOptions[0]?.lang).to.equal('zh-CN');
    el.value = '430199';
    await el.updateComplete;
    expect(chosenText(selects(el)[2] as HTMLSelectElement)).to.equal('430199 (unrecognised code)');
  });

  it('ranks for cn-region strings and x-widget region only', () => {
    const context = (overrides: Partial<WidgetContext>): WidgetContext => ({
      id: 'f',
      pointer: '/f',
      field,
      schema,
      value: undefined,
      lang: 'zh-CN',
      label: '',
      required: false,
      readonly: false,
      disabled: false,
      invalid: false,
      describedBy: '',
      options: [],
      change: () => {},
      ...overrides,
    });
    expect(regionWidget.group).to.equal(true);
    expect(regionWidget.rank(context({}))).to.equal(8);
    expect(regionWidget.rank(context({ schema: { type: 'string' }, requested: 'region' }))).to.equal(8);
    expect(regionWidget.rank(context({ requested: 'text' }))).to.equal(0);
    expect(regionWidget.rank(context({ schema: { type: 'string' } }))).to.equal(0);
    expect(regionWidget.rank(context({ schema: { type: 'integer' }, requested: 'region' }))).to.equal(0);
    expect(regionWidget.rank(context({ options: [{ value: '430102', label: '芙蓉区' }] }))).to.equal(0);
  });
});
