// The form's behaviour on small matters written here: validation the GOV.UK way, arrays,
// identifiers, native <form> participation.
import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Catalogue, Matter } from '@matterform/core';
import { widgetRegistry, type MatterForm } from './matter-form.js';
import { buttonNamed, control, type } from './form.test-helpers.js';

const catalogue: Catalogue = {
  concepts: [
    { id: 'person.name', title: { 'zh-CN': '姓名', en: 'Name' }, schema: { type: 'string' }, autocomplete: 'name' },
    {
      id: 'person.mobile',
      title: { 'zh-CN': '手机号码', en: 'Mobile' },
      schema: { type: 'string', format: 'cn-mobile' },
      autocomplete: 'tel',
    },
    {
      id: 'person.idNumber',
      title: '公民身份号码',
      schema: { type: 'string', format: 'cn-id-number' },
      sensitive: true,
      mask: 'keep 4 …4',
    },
  ],
  sources: [],
  licences: [],
  matters: [],
} as unknown as Catalogue;

const matter = {
  id: 'family-register',
  version: '1.0.0',
  title: { 'zh-CN': '家庭成员登记', en: 'Family register' },
  authority: '示例局',
  schema: {
    type: 'object',
    required: ['name', 'mobile', 'members'],
    properties: {
      name: {
        type: 'string',
        title: '姓名',
        minLength: 1,
        'x-concept': 'person.name',
        'x-i18n': { en: { title: 'Name' } },
      },
      mobile: {
        type: 'string',
        title: '手机号码',
        format: 'cn-mobile',
        'x-concept': 'person.mobile',
        'x-i18n': { en: { title: 'Mobile' } },
      },
      idNumber: { type: 'string', title: '公民身份号码', format: 'cn-id-number', 'x-concept': 'person.idNumber' },
      age: { type: 'integer', title: '年龄', minimum: 0 },
      members: {
        type: 'array',
        title: '家庭成员',
        minItems: 1,
        items: {
          type: 'object',
          required: ['memberName'],
          properties: {
            memberName: { type: 'string', title: '成员姓名', minLength: 1 },
            relation: { type: 'string', title: '关系', enum: ['spouse', 'child'], 'x-enumTitles': ['配偶', '子女'] },
          },
        },
      },
    },
  },
  layout: {
    steps: [
      { title: '申请人', fields: ['/name', '/mobile', '/idNumber', '/age'] },
      { title: '家庭', fields: ['/members'] },
    ],
  },
} as unknown as Matter;

async function form(template = html`<matter-form></matter-form>`): Promise<MatterForm> {
  // fixtureSync: `fixture` waits a frame for a plain wrapper, and frames stall in a background tab.
  const host = fixtureSync<HTMLElement>(template);
  const el = (host.localName === 'matter-form' ? host : host.querySelector('matter-form')) as MatterForm;
  const ready = oneEvent(el, 'matter-ready');
  el.catalogue = catalogue;
  el.matter = structuredClone(matter);
  await ready;
  await el.updateComplete;
  return el;
}

const shadow = (el: MatterForm) => el.shadowRoot as ShadowRoot;

/** Waits for the render and the focus moves and form value that follow it. */
async function settle(el: MatterForm): Promise<void> {
  await el.updateComplete;
  await Promise.resolve();
  await el.updateComplete;
}

describe('<matter-form>: validation when the person tries to continue', () => {
  it('shows nothing while typing, then an error summary that takes focus and links to each field', async () => {
    const el = await form();
    await expect(el).to.be.accessible();
    await type(el, '/mobile', '123');
    expect(shadow(el).querySelector('[part="error-message"]'), 'no message while typing').to.equal(null);
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
    await el.updateComplete;
    const summary = shadow(el).querySelector('[part="error-summary"]') as HTMLElement;
    expect(summary).to.exist;
    expect(shadow(el).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.have.length(2);
    expect(links[0]?.textContent).to.include('姓名');
    expect(links[1]?.textContent).to.include('手机号码');
    // The text typed stays.
    expect(control(el, '/mobile').value).to.equal('123');
    // The message is tied to its field, with a hidden "错误：" prefix.
    const describedBy = control(el, '/mobile').getAttribute('aria-describedby') ?? '';
    const message = describedBy
      .split(' ')
      .map((id) => shadow(el).getElementById(id))
      .find((n) => n?.getAttribute('part') === 'error-message');
    expect(message?.querySelector('.visually-hidden')?.textContent).to.equal('错误：');
    expect(control(el, '/mobile').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    links[1]?.click();
    await el.updateComplete;
    await settle(el);
    expect(shadow(el).activeElement).to.equal(control(el, '/mobile'));
  });

  it('then follows the field as it is corrected', async () => {
    const el = await form();
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
    expect(control(el, '/mobile').getAttribute('aria-invalid')).to.equal('true');
    await type(el, '/mobile', '13800138000');
    expect(control(el, '/mobile').getAttribute('aria-invalid')).to.equal('false');
  });

  it('normalises identifiers before checking: full-width digits, spaces, hyphens, lower-case x', async () => {
    const el = await form();
    await type(el, '/mobile', '１３８ ００１３-８０００');
    await type(el, '/idNumber', '43010219900315031x');
    expect(el.value).to.include({ mobile: '13800138000' });
    // The text typed is kept in the box.
    expect(control(el, '/mobile').value).to.equal('１３８ ００１３-８０００');
    expect((el.value as { idNumber: string }).idNumber).to.equal('43010219900315031X');
  });

  it('keeps a number that is not a number yet, and says so', async () => {
    const el = await form();
    await type(el, '/name', '王五');
    await type(el, '/mobile', '13800138000');
    await type(el, '/age', '3o');
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
    expect(control(el, '/age').value).to.equal('3o');
    expect(shadow(el).querySelector('[part="error-summary"]')?.textContent).to.include('年龄');
  });

  it('keeps the minus of a negative number, however it is typed', async () => {
    const el = await form();
    await type(el, '/name', '王五');
    await type(el, '/mobile', '13800138000');
    await type(el, '/age', '-3');
    expect(el.value).to.include({ age: -3 });
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
    // 年龄 has minimum 0: the person is told, rather than 3 going in silently.
    expect(shadow(el).querySelector('[part="error-summary"]')?.textContent).to.include('年龄');
    await type(el, '/age', '－１２');
    expect(el.value).to.include({ age: -12 });
    await type(el, '/age', '1,000');
    expect(el.value).to.include({ age: 1000 });
  });

  it('marks optional fields, not required ones, and carries autocomplete tokens', async () => {
    const el = await form();
    const label = (pointer: string) =>
      shadow(el).querySelector(`label[for="${control(el, pointer).id}"]`)?.textContent ?? '';
    expect(label('/name')).to.not.include('选填');
    expect(label('/age')).to.include('（选填）');
    expect(control(el, '/name').getAttribute('autocomplete')).to.equal('name');
    expect(control(el, '/mobile').getAttribute('autocomplete')).to.equal('tel');
    const box = control(el, '/name').getBoundingClientRect();
    expect(box.height).to.be.at.least(24);
  });
});

describe('<matter-form>: arrays', () => {
  async function onMembers(): Promise<MatterForm> {
    const el = await form();
    await type(el, '/name', '王五');
    await type(el, '/mobile', '13800138000');
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
    return el;
  }

  it('adds, reorders and removes items by keyboard-reachable buttons', async () => {
    const el = await onMembers();
    buttonNamed(el, '添加家庭成员').click();
    await el.updateComplete;
    await settle(el);
    expect(shadow(el).activeElement, 'focus moves into the new item').to.equal(control(el, '/members/0/memberName'));
    await type(el, '/members/0/memberName', '甲');
    buttonNamed(el, '添加家庭成员').click();
    await el.updateComplete;
    await type(el, '/members/1/memberName', '乙');
    expect(el.value).to.deep.include({ members: [{ memberName: '甲' }, { memberName: '乙' }] });
    await expect(el).to.be.accessible();
    const up = shadow(el).querySelector<HTMLButtonElement>(
      'button[aria-label="上移：家庭成员 第 2 项"]',
    ) as HTMLButtonElement;
    up.focus();
    up.click();
    await el.updateComplete;
    expect(el.value).to.deep.include({ members: [{ memberName: '乙' }, { memberName: '甲' }] });
    expect(control(el, '/members/0/memberName').value).to.equal('乙');
    const remove = shadow(el).querySelector<HTMLButtonElement>(
      'button[aria-label="删除：家庭成员 第 1 项"]',
    ) as HTMLButtonElement;
    remove.click();
    await el.updateComplete;
    expect(el.value).to.deep.include({ members: [{ memberName: '甲' }] });
    expect(control(el, '/members/0/memberName').value).to.equal('甲');
  });

  it('refuses to continue without the minimum number of items, saying which list', async () => {
    const el = await onMembers();
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error-summary"]')?.textContent).to.include('家庭成员');
  });
});

describe('<matter-form>: inside a native <form>', () => {
  it('is a form control: validity, form value with a name, reset, disabled', async () => {
    const wrapper = await form(html`<form><matter-form name="application"></matter-form><button>send</button></form>`);
    const formElement = wrapper.closest('form') as HTMLFormElement;
    const el = wrapper;
    el.subject = { kind: 'person', id: '430102199003150311' };
    await el.updateComplete;
    expect(formElement.checkValidity()).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
    el.value = { members: [{ memberName: '甲' }] };
    await type(el, '/name', '王五');
    await type(el, '/mobile', '13800138000');
    expect(el.checkValidity()).to.equal(true);
    await settle(el);
    await settle(el);
    const data = new FormData(formElement);
    const submission = JSON.parse(String(data.get('application'))) as { data: unknown; matter: unknown };
    expect(submission.matter).to.deep.equal({ id: 'family-register', version: '1.0.0' });
    expect(submission.data).to.deep.include({ name: '王五', mobile: '13800138000' });
    const disabledBox = document.createElement('fieldset');
    formElement.append(disabledBox);
    disabledBox.append(el);
    disabledBox.disabled = true;
    await el.updateComplete;
    expect(control(el, '/name').disabled).to.equal(true);
    disabledBox.disabled = false;
    await el.updateComplete;
    formElement.reset();
    await el.updateComplete;
    // What the person typed goes; what the host set stays.
    expect(control(el, '/name').value).to.equal('');
    expect(el.value).to.deep.equal({ members: [{ memberName: '甲' }] });
  });
});

describe('<matter-form>: on a phone, by keyboard, with the host’s own widget', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('fits a 360 px wide screen with no sideways scrolling and 24 px targets', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await form();
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(360);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    for (const target of shadow(el).querySelectorAll<HTMLElement>('button, input, select, a')) {
      const box = target.getBoundingClientRect();
      if (box.width === 0) continue;
      expect(Math.min(box.width, box.height), target.outerHTML).to.be.at.least(24);
    }
    await expect(el).to.be.accessible();
  });

  it('moves a list item with the keyboard alone, keeping focus on it', async () => {
    const el = await form();
    el.value = { name: '王五', mobile: '13800138000', members: [{ memberName: '甲' }, { memberName: '乙' }] };
    buttonNamed(el, '保存并继续').click();
    await settle(el);
    const down = shadow(el).querySelector<HTMLButtonElement>(
      'button[aria-label="下移：家庭成员 第 1 项"]',
    ) as HTMLButtonElement;
    down.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.value).to.deep.include({ members: [{ memberName: '乙' }, { memberName: '甲' }] });
    expect(shadow(el).activeElement?.getAttribute('aria-label')).to.equal('上移：家庭成员 第 2 项');
  });

  it('tells the host about each edit of the person, not the host’s own changes', async () => {
    const el = await form();
    const seen: unknown[] = [];
    el.addEventListener('matter-input', (e) => seen.push(e.detail));
    el.value = { name: '主机' };
    await type(el, '/name', '王五');
    expect(seen).to.deep.equal([{ pointer: '/name', value: '王五' }]);
  });

  it('draws a field with a widget the host registered at a higher rank', async () => {
    widgetRegistry.register({
      name: 'shouting',
      rank: (ctx) => (ctx.pointer === '/name' ? 50 : 0),
      render: (ctx) =>
        html`<input
          id=${ctx.id}
          class="shouting"
          .value=${String(ctx.value ?? '')}
          aria-describedby=${ctx.describedBy || nothing}
          @input=${(e: Event) => ctx.change((e.target as HTMLInputElement).value.toUpperCase())}
        />`,
    });
    try {
      const el = await form();
      expect(control(el, '/name').classList.contains('shouting')).to.equal(true);
      await type(el, '/name', 'wang');
      expect(el.value).to.include({ name: 'WANG' });
      await expect(el).to.be.accessible();
    } finally {
      widgetRegistry.unregister('shouting');
    }
  });
});

describe('<matter-form>: markup only', () => {
  const blobUrl = (value: unknown) =>
    URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));

  it('loads the matter and catalogue from src and catalogue-src', async () => {
    const el = await fixture<MatterForm>(
      html`<matter-form src=${blobUrl(matter)} catalogue-src=${blobUrl(catalogue)} lang="en"></matter-form>`,
    );
    await oneEvent(el, 'matter-ready');
    await el.updateComplete;
    expect(shadow(el).querySelector('h2')?.textContent).to.equal('Family register');
    await expect(el).to.be.accessible();
  });

  it('says so when a URL cannot be loaded, naming it', async () => {
    const el = await fixture<MatterForm>(
      html`<matter-form src="/no/such/matter.json" catalogue-src=${blobUrl(catalogue)}></matter-form>`,
    );
    const { detail } = await oneEvent(el, 'matter-error');
    expect(detail.code).to.equal('load-failed');
    expect(detail.message).to.include('/no/such/matter.json').and.include('404');
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.include('/no/such/matter.json');
  });

  it('names the pointer of a broken matter', async () => {
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    const failed = oneEvent(el, 'matter-error');
    el.catalogue = catalogue;
    el.matter = { ...structuredClone(matter), schema: { type: 'array' } } as unknown as Matter;
    const { detail } = await failed;
    expect(detail).to.deep.equal({
      code: 'matter-invalid',
      message: 'family-register: /schema: the root must be an object schema',
    });
  });

  it('names the pointer of a broken catalogue, and draws the matter once the catalogue is whole', async () => {
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    const failed = oneEvent(el, 'matter-error');
    el.catalogue = { ...catalogue, sources: undefined } as unknown as Catalogue;
    el.matter = matter;
    expect((await failed).detail).to.deep.equal({
      code: 'catalogue-invalid',
      message: 'catalogue: /sources: must be an array',
    });
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).to.include('/sources');
    const ready = oneEvent(el, 'matter-ready');
    el.catalogue = catalogue;
    await ready;
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<matter-form>: lists of plain values', () => {
  const phones = {
    id: 'phone-list',
    version: '1.0.0',
    title: '联系电话',
    authority: '示例局',
    schema: {
      type: 'object',
      properties: {
        phones: { type: 'array', title: '备用电话', items: { type: 'string', format: 'cn-mobile' } },
        grid: { type: 'array', title: '表格', items: { type: 'array', items: { type: 'string' } } },
      },
    },
  } as unknown as Matter;

  it('names each box by its item, and keeps focus on a moved item’s button', async () => {
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.value = { phones: ['13800138000', '13900139000'], grid: [['甲']] };
    el.catalogue = catalogue;
    el.matter = phones;
    await ready;
    await el.updateComplete;
    const second = control(el, '/phones/1');
    expect([...(second.labels ?? [])].map((l) => l.textContent?.trim())).to.deep.equal(['备用电话 第 2 项']);
    expect(control(el, '/grid/0/0').labels).to.have.length(1);
    // Clicking the label reaches the box.
    second.labels?.[0]?.click();
    expect(shadow(el).activeElement).to.equal(second);
    const up = shadow(el).querySelector<HTMLButtonElement>('button[aria-label="上移：备用电话 第 2 项"]');
    up?.focus();
    up?.click();
    await settle(el);
    expect(el.value).to.deep.include({ phones: ['13900139000', '13800138000'] });
    expect(shadow(el).activeElement?.getAttribute('aria-label')).to.equal('下移：备用电话 第 1 项');
  });
});

describe('<matter-form>: entries an object does not declare', () => {
  const flags = {
    id: 'feature-flags',
    version: '1.0.0',
    title: '功能开关',
    authority: '示例局',
    schema: {
      type: 'object',
      properties: {
        owner: { type: 'string', title: '负责人' },
        limits: {
          type: 'object',
          title: '限额',
          properties: {},
          patternProperties: { '^[a-z]+$': { type: 'integer', minimum: 1 } },
          additionalProperties: false,
        },
      },
      additionalProperties: { type: 'boolean' },
      propertyNames: { enum: ['owner', 'limits', 'darkMode', 'beta'] },
    },
  } as unknown as Matter;

  async function flagsForm(): Promise<MatterForm> {
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.value = { darkMode: true, limits: { daily: 5 } };
    el.catalogue = catalogue;
    el.matter = flags;
    await ready;
    await el.updateComplete;
    return el;
  }

  it('draws the host’s entries by their keys, adds one from the names allowed, removes one', async () => {
    const el = await flagsForm();
    expect(control(el, '/darkMode').checked).to.equal(true);
    expect(control(el, '/darkMode').labels?.[0]?.textContent).to.include('darkMode');
    expect(control(el, '/limits/daily').value).to.equal('5');
    await expect(el).to.be.accessible();
    // Only the names not taken are offered.
    const names = shadow(el).querySelector<HTMLSelectElement>('#mf-new-entry') as HTMLSelectElement;
    expect([...names.options].map((o) => o.value)).to.deep.equal(['-1', 'beta']);
    names.value = 'beta';
    names.closest('.add-entry')?.querySelector('button')?.click();
    await settle(el);
    expect(shadow(el).activeElement, 'focus moves to the new entry').to.equal(control(el, '/beta'));
    control(el, '/beta').click();
    await el.updateComplete;
    expect(el.value).to.deep.include({ beta: true });
    shadow(el).querySelector<HTMLButtonElement>('button[aria-label="删除：darkMode"]')?.click();
    await settle(el);
    expect(el.value).to.not.have.property('darkMode');
    expect(shadow(el).querySelector('#mf_2f_darkMode')).to.equal(null);
  });

  it('types a new key where any name matching the pattern is taken, and refuses one that does not match', async () => {
    const el = await flagsForm();
    const name = shadow(el).querySelector<HTMLInputElement>('#mf_2f_limits-new-entry') as HTMLInputElement;
    name.value = 'Weekly';
    name.closest('.add-entry')?.querySelector('button')?.click();
    await settle(el);
    expect(shadow(el).querySelector('#mf_2f_limits-new-entry-error')?.textContent).to.include('Weekly');
    name.value = 'weekly';
    name.closest('.add-entry')?.querySelector('button')?.click();
    await settle(el);
    await type(el, '/limits/weekly', '30');
    expect(el.value).to.deep.include({ limits: { daily: 5, weekly: 30 } });
    await type(el, '/limits/weekly', '0');
    buttonNamed(el, '保存并继续').click();
    await settle(el);
    expect(shadow(el).querySelector('[part="error-summary"] a')?.getAttribute('href')).to.equal(
      '#mf_2f_limits_2f_weekly',
    );
  });
});

describe('<matter-form>: alternatives nothing in the data selects', () => {
  const identification = {
    id: 'identification',
    version: '1.0.0',
    title: '身份核验',
    authority: '示例局',
    schema: {
      type: 'object',
      definitions: {
        person: { type: 'object', properties: { name: { type: 'string', title: '姓名' } }, required: ['name'] },
        company: {
          type: 'object',
          properties: { name: { type: 'string', title: '名称' }, creditCode: { type: 'string', title: '信用代码' } },
          required: ['name', 'creditCode'],
        },
      },
      properties: {
        contact: {
          title: '联系人',
          oneOf: [
            { title: '个人', $ref: '#/definitions/person' },
            { title: '单位', $ref: '#/definitions/company' },
          ],
        },
        documents: {
          type: 'array',
          title: '证件',
          items: {
            type: 'object',
            anyOf: [
              { title: '身份证', properties: { idNumber: { type: 'string', title: '身份证号' } } },
              { title: '护照', properties: { passport: { type: 'string', title: '护照号' } } },
            ],
          },
        },
      },
      required: ['contact'],
    },
  } as unknown as Matter;

  async function idForm(value: Record<string, unknown>): Promise<MatterForm> {
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.value = value;
    el.catalogue = catalogue;
    el.matter = identification;
    await ready;
    await el.updateComplete;
    return el;
  }

  const radio = (el: MatterForm, label: string) =>
    [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (r) => r.labels?.[0]?.textContent?.trim() === label,
    ) as HTMLInputElement;

  it('asks which one applies, shows only its fields, and drops the other’s answers', async () => {
    const el = await idForm({ contact: { name: '合成示例有限公司', creditCode: '91430100582017362D' } });
    // The data fits 单位 only: that one is chosen, its fields shown.
    expect(radio(el, '单位').checked).to.equal(true);
    expect(control(el, '/contact/creditCode').value).to.equal('91430100582017362D');
    await expect(el).to.be.accessible();
    radio(el, '个人').click();
    await settle(el);
    expect(shadow(el).querySelector('#mf_2f_contact_2f_creditCode')).to.equal(null);
    // 姓名 is in both: it stays.
    expect(el.value).to.deep.equal({ contact: { name: '合成示例有限公司' } });
    expect(el.checkValidity()).to.equal(true);
  });

  it('chooses for each item of a list on its own', async () => {
    const el = await idForm({ contact: { name: '甲' }, documents: [{ idNumber: '1' }, { passport: 'E1' }] });
    expect(control(el, '/documents/0/idNumber').value).to.equal('1');
    expect(control(el, '/documents/1/passport').value).to.equal('E1');
    expect(shadow(el).querySelector('#mf_2f_documents_2f_0_2f_passport')).to.equal(null);
    expect(shadow(el).querySelector('#mf_2f_documents_2f_1_2f_idNumber')).to.equal(null);
    await expect(el).to.be.accessible();
    // An anyOf takes one or more: 护照 too for the first document, and its number can be given.
    const boxes = (item: number) => [
      ...shadow(el).querySelectorAll<HTMLInputElement>(`#mf_2f_documents_2f_${item} input[type="checkbox"]`),
    ];
    expect(boxes(0).map((b) => b.checked)).to.deep.equal([true, false]);
    boxes(0)[1]?.click();
    await settle(el);
    await type(el, '/documents/0/passport', 'E2');
    expect(el.value).to.deep.include({ documents: [{ idNumber: '1', passport: 'E2' }, { passport: 'E1' }] });
    // The last one ticked stays ticked.
    boxes(1)[1]?.click();
    await settle(el);
    expect(boxes(1).map((b) => b.checked)).to.deep.equal([false, true]);
    expect(control(el, '/documents/1/passport').value).to.equal('E1');
  });
});

describe('<matter-form>: fixed values and notes', () => {
  const fixed = {
    id: 'fixed-values',
    version: '1.0.0',
    title: '固定值',
    authority: '示例局',
    schema: {
      type: 'object',
      properties: {
        notice: { type: 'null', title: '填表须知', description: '以下内容须如实填写。' },
        tags: { type: 'array', title: '标签', items: { type: 'string' }, const: ['red', 'green', 'blue'] },
      },
      required: ['tags'],
    },
  } as unknown as Matter;

  async function fixedForm(): Promise<MatterForm> {
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.catalogue = catalogue;
    el.matter = fixed;
    await ready;
    await el.updateComplete;
    return el;
  }

  it('shows a null field as a note, with nothing to type', async () => {
    const el = await fixedForm();
    const note = [...shadow(el).querySelectorAll('fieldset')].find((f) => f.textContent?.includes('填表须知'));
    expect(note?.textContent).to.include('以下内容须如实填写。');
    expect(note?.querySelector('input, select, textarea'), 'nothing to type in a note').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers a list fixed by const as its items to tick', async () => {
    const el = await fixedForm();
    const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[id^="mf_2f_tags"]')];
    expect(boxes.map((b) => b.labels?.[0]?.textContent)).to.deep.equal(['red', 'green', 'blue']);
    for (const box of boxes) {
      box.click();
      await el.updateComplete;
    }
    expect(el.value).to.deep.equal({ tags: ['red', 'green', 'blue'] });
    expect(el.checkValidity()).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<matter-form>: a schema that contains itself', () => {
  const tree = {
    id: 'org-tree',
    version: '1.0.0',
    title: '组织架构',
    authority: '示例局',
    schema: {
      type: 'object',
      definitions: {
        node: {
          type: 'object',
          properties: {
            name: { type: 'string', title: '名称' },
            staff: { type: 'integer', title: '人数', minimum: 0 },
            children: {
              type: 'array',
              title: '下级',
              items: { oneOf: [{ type: 'null' }, { $ref: '#/definitions/node' }] },
            },
          },
        },
      },
      properties: { root: { title: '本级', $ref: '#/definitions/node' } },
    },
  } as unknown as Matter;

  it('draws its nodes as deep as the data goes, and a new node takes answers', async () => {
    const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
    const ready = oneEvent(el, 'matter-ready');
    el.value = { root: { name: '总部', children: [{ name: '一部', children: [] }] } };
    el.catalogue = catalogue;
    el.matter = tree;
    await ready;
    await el.updateComplete;
    expect(control(el, '/root/children/0/name').value).to.equal('一部');
    await type(el, '/root/children/0/staff', '12');
    expect(el.value).to.deep.include({ root: { name: '总部', children: [{ name: '一部', children: [], staff: 12 }] } });
    // A node under 一部.
    const list = shadow(el).querySelector('#mf_2f_root_2f_children_2f_0_2f_children') as HTMLElement;
    [...list.querySelectorAll<HTMLButtonElement>(':scope > button')].at(-1)?.click();
    await settle(el);
    await type(el, '/root/children/0/children/0/name', '一组');
    expect(el.value).to.deep.include({
      root: { name: '总部', children: [{ name: '一部', staff: 12, children: [{ name: '一组' }] }] },
    });
    expect(el.checkValidity()).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<matter-form>: a branch beside the field being typed in', () => {
  // The fields and branches of a dog: a branch opens on its breed, another on its colour.
  const dog = {
    type: 'object',
    properties: {
      breed: { type: 'string', title: '品种' },
      colour: { type: 'string', title: '毛色' },
    },
    allOf: [
      {
        if: { properties: { breed: { const: '藏獒' } }, required: ['breed'] },
        then: { properties: { chip: { type: 'string', title: '芯片编号' } }, required: ['chip'] },
      },
      {
        if: { required: ['colour'] },
        then: { properties: { pattern: { type: 'string', title: '花纹' } } },
      },
    ],
  };
  const licence = (schema: object) =>
    ({ id: 'pet-licence', version: '1.0.0', title: '犬只登记', authority: '示例局', schema }) as unknown as Matter;

  // Inside an object, the fieldset around the fields gains and loses one; at the top, the step does.
  for (const [where, matter, at, fields] of [
    [
      'in an object',
      licence({ type: 'object', properties: { dog: { ...dog, title: '犬只' } } }),
      '/dog',
      '#mf_2f_dog > .field > label',
    ],
    ['at the top of the step', licence(dog), '', 'section > .field > label'],
  ] as const)
    it(`appears in its place and goes again, the person typing on in the same box: ${where}`, async () => {
      const el = await fixture<MatterForm>(html`<matter-form></matter-form>`);
      const ready = oneEvent(el, 'matter-ready');
      const wrap = (value: Record<string, unknown>) => (at ? { dog: value } : value);
      el.value = wrap({ colour: '黑' });
      el.catalogue = catalogue;
      el.matter = matter;
      await ready;
      await el.updateComplete;
      const labels = () => [...shadow(el).querySelectorAll(fields)].map((label) => label.firstChild?.textContent);
      expect(labels()).to.deep.equal(['品种', '毛色', '花纹']);
      const breed = control(el, `${at}/breed`);
      breed.focus();
      await sendKeys({ type: '藏獒' });
      await el.updateComplete;
      expect(labels(), 'the chip number comes before the pattern').to.deep.equal(['品种', '毛色', '芯片编号', '花纹']);
      expect(control(el, `${at}/breed`), 'the box typed in is the same box').to.equal(breed);
      expect(shadow(el).activeElement, 'and keeps the focus').to.equal(breed);
      await type(el, `${at}/chip`, '156100200300400');
      breed.focus();
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(labels()).to.deep.equal(['品种', '毛色', '花纹']);
      expect(shadow(el).activeElement).to.equal(breed);
      expect(el.value, 'the vanished branch’s answer is dropped').to.deep.equal(wrap({ breed: '藏', colour: '黑' }));
      await sendKeys({ type: '獒' });
      await el.updateComplete;
      expect(control(el, `${at}/chip`).value, 'and not brought back').to.equal('');
    });
});
