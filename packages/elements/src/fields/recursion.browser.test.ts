// A schema that recurses through a list (SPEC §3.1, issue 12): a folder tree, drawn as deep
// as the data goes, with an add button for the next level.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Catalogue, Matter, Submission } from '@matterform/core';
import type { MatterForm } from '../form/matter-form.js';
import { control, type } from '../form/form.test-helpers.js';

const catalogue = { concepts: [], sources: [], licences: [], matters: [] } as unknown as Catalogue;

const tree = {
  id: 'folder-tree',
  version: '1.0.0',
  title: '归档目录',
  authority: '示例局',
  schema: {
    type: 'object',
    required: ['root'],
    $defs: {
      node: { oneOf: [{ $ref: '#/$defs/file' }, { $ref: '#/$defs/folder' }] },
      file: {
        type: 'object',
        title: '文件',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', title: '名称', minLength: 1 },
          pages: { type: 'integer', title: '页数' },
        },
      },
      folder: {
        type: 'object',
        title: '文件夹',
        required: ['name', 'children'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', title: '名称', minLength: 1 },
          children: { type: 'array', title: '内容', items: { $ref: '#/$defs/node' } },
        },
      },
    },
    properties: { root: { title: '档案', $ref: '#/$defs/node' } },
  },
} as unknown as Matter;

const value = {
  root: { name: '2026', children: [{ name: '一月', children: [{ name: '收据', pages: 2 }] }] },
};

describe('field engine: a folder tree', () => {
  it('draws two levels from the value, adds a third by keyboard, and submits valid data', async () => {
    const el = await fixture<MatterForm>(html`<matter-form lang="zh-CN"></matter-form>`);
    el.subject = { kind: 'person', id: '430121198209120286', token: 'demo' };
    const ready = oneEvent(el, 'matter-ready');
    el.value = structuredClone(value);
    el.catalogue = catalogue;
    el.matter = tree;
    await ready;
    await el.updateComplete;
    // Each level is the node's fields: a folder's name and list, a file's name and pages.
    expect(control(el, '/root/name').value).to.equal('2026');
    expect(control(el, '/root/children/0/name').value).to.equal('一月');
    expect(control(el, '/root/children/0/children/0/name').value).to.equal('收据');
    expect(control(el, '/root/children/0/children/0/pages').value).to.equal('2');
    await expect(el).to.be.accessible();
    // The third level: the add button of 一月's list, pressed from the keyboard.
    const list = el.shadowRoot?.querySelector('#mf_2f_root_2f_children_2f_0_2f_children') as HTMLElement;
    const add = [...list.querySelectorAll<HTMLButtonElement>(':scope > button')].at(-1) as HTMLButtonElement;
    expect(add.textContent).to.include('添加');
    add.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    await type(el, '/root/children/0/children/1/name', '发票');
    await type(el, '/root/children/0/children/1/pages', '3');
    expect(el.value).to.deep.equal({
      root: {
        name: '2026',
        children: [
          {
            name: '一月',
            children: [
              { name: '收据', pages: 2 },
              { name: '发票', pages: 3 },
            ],
          },
        ],
      },
    });
    expect(el.checkValidity()).to.equal(true);
    const submission = (await el.submit()) as Submission;
    expect(submission.data).to.deep.equal(el.value);
    await expect(el).to.be.accessible();
  });
});
