// Nodes are compared with ===: chai describing a DOM node that differs walks everything on it.
// The field engine's border: built-in fields are drawn by one path whatever sits beside them,
// a host's template widget is mounted inside its own field, and each form has its registry.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { nothing, type CSSResult } from 'lit';
import type { Catalogue, Matter } from '@matterform/core';
import { MatterForm } from '../form/matter-form.js';
import { control, type } from '../form/form.test-helpers.js';
import { defaultRegistry, widgetRegistry } from '../widgets/defaults.js';
import { regionStyles } from '../widgets/region/region-work.js';
import type { Widget } from '../widgets/widget.js';

const catalogue = { concepts: [], sources: [], licences: [], matters: [] } as unknown as Catalogue;

const matter = {
  id: 'club-membership',
  version: '1.0.0',
  title: '会员登记',
  authority: '示例局',
  schema: {
    type: 'object',
    properties: {
      member: {
        type: 'object',
        title: '会员',
        required: ['name', 'nickname'],
        properties: {
          name: { type: 'string', title: '姓名', description: '与证件一致' },
          nickname: { type: 'string', title: '昵称', description: '在会员名录上显示', 'x-widget': 'stamp' },
          age: { type: 'integer', title: '年龄', minimum: 0 },
          level: { type: 'string', title: '等级', enum: ['a', 'b'], 'x-enumTitles': ['普通', '高级'] },
        },
      },
    },
  },
} as unknown as Matter;

/** A host's widget: a lit template, chosen where a field asks for `x-widget: "stamp"`. */
const stampWidget: Widget = {
  name: 'stamp',
  rank: (ctx) => (ctx.requested === 'stamp' ? 50 : 0),
  render: (ctx) =>
    html`<input
      id=${ctx.id}
      class="stamp"
      .value=${String(ctx.value ?? '')}
      aria-describedby=${ctx.describedBy || nothing}
      @input=${(e: Event) => ctx.change((e.target as HTMLInputElement).value)}
    />`,
};

async function memberForm(widgets?: ReturnType<typeof defaultRegistry>): Promise<MatterForm> {
  const el = await fixture<MatterForm>(html`<matter-form lang="zh-CN"></matter-form>`);
  if (widgets) el.widgets = widgets;
  const ready = oneEvent(el, 'matter-ready');
  el.catalogue = catalogue;
  el.matter = matter;
  await ready;
  await el.updateComplete;
  return el;
}

const BUILT_IN = ['/member/name', '/member/age', '/member/level'];

/** The wrapper of the field at `pointer` (its label or legend, hint, control and notes). */
const wrapper = (el: MatterForm, pointer: string) => control(el, pointer).closest('.field') as HTMLElement;

describe('field engine: one path for every field', () => {
  it('draws the built-ins the same with a host’s template widget beside them, and mounts that widget inside its field', async () => {
    const stamped = defaultRegistry();
    stamped.register(stampWidget);
    const plain = await memberForm();
    const hosted = await memberForm(stamped);
    // Without the host's widget the nickname is a text box; with it, the host's input.
    expect(control(plain, '/member/nickname').classList.contains('stamp')).to.equal(false);
    const stamp = control(hosted, '/member/nickname');
    expect(stamp.classList.contains('stamp')).to.equal(true);
    for (const pointer of BUILT_IN)
      expect(wrapper(hosted, pointer).outerHTML, pointer).to.equal(wrapper(plain, pointer).outerHTML);
    // Mounted inside its field's wrapper, after the label and hint the engine draws.
    const field = wrapper(hosted, '/member/nickname');
    expect(field.parentElement?.id).to.equal('mf_2f_member');
    const label = field.querySelector(':scope > label') as HTMLLabelElement;
    expect(label.htmlFor).to.equal(stamp.id);
    expect(stamp.labels?.[0] === label, 'labelled by the field’s label').to.equal(true);
    const hint = stamp.getAttribute('aria-describedby') as string;
    expect(field.querySelector(`#${hint}`)?.textContent).to.equal('在会员名录上显示');
    await expect(hosted).to.be.accessible();
    await expect(plain).to.be.accessible();
  });

  it('keeps a built-in’s node and focus while typing, with or without the host’s widget beside it', async () => {
    const stamped = defaultRegistry();
    stamped.register(stampWidget);
    for (const el of [await memberForm(), await memberForm(stamped)]) {
      const name = control(el, '/member/name');
      const group = el.shadowRoot?.querySelector('#mf_2f_member');
      await type(el, '/member/name', '王');
      await type(el, '/member/name', '王五');
      expect(control(el, '/member/name') === name, 'the same name box').to.equal(true);
      expect(el.shadowRoot?.querySelector('#mf_2f_member') === group, 'the same group').to.equal(true);
      expect(el.shadowRoot?.activeElement === name, 'focus stays').to.equal(true);
      // An edit of the host's field redraws it without moving its neighbours either.
      const stampOrText = control(el, '/member/nickname');
      await type(el, '/member/nickname', '五哥');
      expect(control(el, '/member/name') === name, 'the same name box').to.equal(true);
      expect(control(el, '/member/nickname') === stampOrText, 'the same nickname box').to.equal(true);
      expect(el.value).to.deep.equal({ member: { name: '王五', nickname: '五哥' } });
    }
  });
});

/** Comments inside the step's fields: lit's part markers. Only a template widget's field may hold them. */
function litMarkers(el: MatterForm): Comment[] {
  const section = el.shadowRoot?.querySelector('section') as HTMLElement;
  const found: Comment[] = [];
  for (const top of section.querySelectorAll(':scope > fieldset, :scope > .field')) {
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!(node.parentElement?.querySelector(':scope > .stamp') ?? null)) found.push(node as Comment);
  }
  return found;
}

describe('field engine: lists, choosers and extra keys', () => {
  const mixed = {
    id: 'club-mixed',
    version: '1.0.0',
    title: '会员登记',
    authority: '示例局',
    schema: {
      type: 'object',
      properties: {
        member: {
          type: 'object',
          title: '会员',
          properties: {
            nickname: { type: 'string', title: '昵称', 'x-widget': 'stamp' },
            phones: { type: 'array', title: '电话', items: { type: 'string', title: '电话' } },
            tags: { type: 'object', title: '标签', additionalProperties: { type: 'string' } },
          },
          oneOf: [
            { title: '个人', properties: { person: { type: 'string', title: '姓名' } } },
            { title: '单位', properties: { company: { type: 'string', title: '单位名称' } } },
          ],
        },
      },
    },
  } as unknown as Matter;

  it('draws them as plain DOM beside a host’s template widget, which alone holds lit parts', async () => {
    const stamped = defaultRegistry();
    stamped.register(stampWidget);
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    el.widgets = stamped;
    const ready = oneEvent(el, 'matter-ready');
    el.catalogue = catalogue;
    el.matter = mixed;
    el.value = { member: { phones: ['13800000000'], tags: { colour: 'red' } } };
    await ready;
    await el.updateComplete;
    expect(control(el, '/member/nickname').classList.contains('stamp')).to.equal(true);
    expect(control(el, '/member/phones/0').value).to.equal('13800000000');
    expect(control(el, '/member/tags/colour').value).to.equal('red');
    expect(el.shadowRoot?.querySelectorAll('input[type="radio"]').length).to.equal(2);
    expect(litMarkers(el).length, 'lit markers among the fields').to.equal(0);
    // Typing in a list item keeps the list, the item and the focus where they are.
    const group = el.shadowRoot?.querySelector('#mf_2f_member');
    const phone = control(el, '/member/phones/0');
    await type(el, '/member/phones/0', '13900000000');
    expect(control(el, '/member/phones/0') === phone, 'the same phone box').to.equal(true);
    expect(el.shadowRoot?.activeElement === phone, 'focus stays').to.equal(true);
    expect(el.shadowRoot?.querySelector('#mf_2f_member') === group, 'the same group').to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('field engine: a registry per form', () => {
  it('adds a widget to one form’s registry without touching another form on the page', async () => {
    const stamped = defaultRegistry();
    stamped.register(stampWidget);
    const [one, other] = [await memberForm(stamped), await memberForm()];
    expect(other.widgets === widgetRegistry, 'the shared registry').to.equal(true);
    expect(widgetRegistry.names).to.not.include('stamp');
    expect(control(one, '/member/nickname').classList.contains('stamp')).to.equal(true);
    expect(control(other, '/member/nickname').localName).to.equal('input');
    expect(control(other, '/member/nickname').classList.contains('stamp')).to.equal(false);
    // Given a registry after it is drawn, a form draws with it.
    other.widgets = stamped;
    await other.updateComplete;
    expect(control(other, '/member/nickname').classList.contains('stamp')).to.equal(true);
    await expect(other).to.be.accessible();
  });

  it('adopts a widget’s styles once it draws a field with it', async () => {
    const regionMatter = {
      ...matter,
      id: 'region-pick',
      schema: { type: 'object', properties: { home: { type: 'string', title: '居住地', format: 'cn-region' } } },
    } as unknown as Matter;
    const before = await memberForm();
    expect(before.shadowRoot?.adoptedStyleSheets).to.not.include(regionStyles.styleSheet);
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.catalogue = catalogue;
    el.matter = regionMatter;
    await ready;
    await el.updateComplete;
    // Booleans and counts: chai describing a style sheet that differs walks all of it.
    const adopted = [...(el.shadowRoot?.adoptedStyleSheets ?? [])];
    expect(adopted.includes(regionStyles.styleSheet as CSSStyleSheet)).to.equal(true);
    // The form's own styles stay: the widget's are added to them, never put in their place.
    const own = MatterForm.elementStyles.map((style) => (style as CSSResult).styleSheet);
    expect(own.filter((sheet) => !adopted.includes(sheet as CSSStyleSheet)).length).to.equal(0);
    // Besides them: the widget's, and the materials' and later steps' (adopted with the form's later chunk).
    expect(adopted.length).to.equal(own.length + 3);
    await expect(el).to.be.accessible();
  });
});
