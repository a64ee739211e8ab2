import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EditorView } from '@codemirror/view';
import { DesignerJsonPanel } from './json.js';
import { atWidth, definePanel, mountPanel, sampleMatter, WIDTHS, type Harness } from './views.test-helpers.js';

definePanel('matter-designer-json', DesignerJsonPanel);

type Panel = DesignerJsonPanel & { view: NonNullable<DesignerJsonPanel['view']> };

async function opened(options: Parameters<typeof mountPanel>[2] = {}): Promise<Harness<Panel>> {
  const harness = await mountPanel<Panel>('matter-designer-json', await sampleMatter('residence-permit'), options);
  await waitUntil(() => harness.el.shadowRoot?.querySelector('.cm-content'), 'the code editor opens', {
    timeout: 15000,
  });
  return harness;
}

const root = (harness: Harness<Panel>) => harness.el.shadowRoot as ShadowRoot;
const editorOf = (harness: Harness<Panel>) =>
  EditorView.findFromDOM(root(harness).querySelector('.cm-editor') as HTMLElement) as EditorView;
const textOf = (harness: Harness<Panel>) => editorOf(harness).state.doc.toString();

/** Types over the first occurrence of `from` in the editor, as the designer would. */
async function replaceText(harness: Harness<Panel>, from: string, to: string) {
  const editor = editorOf(harness);
  const at = editor.state.doc.toString().indexOf(from);
  expect(at, `"${from}" is in the text`).to.be.at.least(0);
  editor.focus();
  editor.dispatch({ selection: { anchor: at, head: at + from.length } });
  await sendKeys({ type: to });
  await harness.el.updateComplete;
}

async function ctrlEnter() {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}

function buttonNamed(harness: Harness<Panel>, name: string): HTMLButtonElement {
  const button = [...root(harness).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button;
}

describe('the JSON view', () => {
  afterEach(() => {
    DesignerJsonPanel.loadEditor = () => import('./json-editor.js');
  });

  for (const width of WIDTHS)
    it(`shows the whole document in the code editor, accessible at ${width} px`, async () => {
      await atWidth(width);
      const harness = await opened();
      await expect(harness.el).to.be.accessible();
      expect(JSON.parse(textOf(harness))).to.deep.equal(harness.document.matter);
      const content = root(harness).querySelector('.cm-content') as HTMLElement;
      expect(content.getAttribute('aria-label')).to.equal('事项文档（JSON）');
    });

  it('applies an edit as one patch on Ctrl+Enter, changing only what was typed', async () => {
    const harness = await opened({ lang: 'en' });
    await replaceText(harness, '"居住证申领"', '"居住证办理"');
    expect(root(harness).textContent).to.include('There are unapplied changes.');
    await ctrlEnter();
    expect(harness.applied).to.have.length(1);
    expect(harness.applied[0]?.patch).to.deep.equal([{ op: 'replace', path: '/title/zh-CN', value: '居住证办理' }]);
    expect(harness.document.matter.title).to.deep.include({ 'zh-CN': '居住证办理' });
    await harness.el.updateComplete;
    expect(root(harness).textContent).not.to.include('There are unapplied changes.');
    expect(root(harness).activeElement?.classList.contains('cm-content')).to.equal(true);
  });

  it('applies on the Apply button and on leaving the editor', async () => {
    const harness = await opened({ lang: 'en' });
    await replaceText(harness, '"0731-12345"', '"0731-54321"');
    buttonNamed(harness, 'Apply changes').click();
    expect(harness.applied.map((a) => a.patch)).to.deep.equal([
      [{ op: 'replace', path: '/contact', value: '0731-54321' }],
    ]);
    await replaceText(harness, '"0731-54321"', '"0731-11111"');
    buttonNamed(harness, 'Apply changes').focus();
    expect(harness.applied).to.have.length(2);
    expect(harness.document.matter.contact).to.equal('0731-11111');
  });

  it('keeps text that is not JSON, marks the error and applies nothing until it is fixed or discarded', async () => {
    const harness = await opened({ lang: 'en' });
    const before = textOf(harness);
    await replaceText(harness, '"居住证申领"', '"居住证申领",,');
    await ctrlEnter();
    buttonNamed(harness, 'Apply changes').focus();
    expect(harness.applied).to.have.length(0);
    expect(harness.announced.at(-1)).to.match(/^The text is not valid JSON \(line \d+, column \d+\)/);
    await harness.el.updateComplete;
    expect(root(harness).querySelector('.error')?.textContent).to.include('your text is kept');
    expect(textOf(harness)).to.include('"居住证申领",,');
    await waitUntil(() => root(harness).querySelector('.cm-lintRange-error'), 'the parse error is marked in the text');
    await expect(harness.el).to.be.accessible();
    buttonNamed(harness, 'Discard changes').click();
    await harness.el.updateComplete;
    expect(textOf(harness)).to.equal(before);
    expect(root(harness).querySelector('.error')).to.equal(null);
  });

  it('marks the meta-schema’s problems at their place, and still applies valid JSON', async () => {
    const harness = await opened({ lang: 'en' });
    await replaceText(harness, '"version": "1.0.0"', '"version": 1');
    await waitUntil(() => root(harness).querySelector('.cm-lintRange-error'), 'the problem is marked');
    expect(root(harness).querySelector('.cm-lintRange-error')?.textContent).to.include('"version"');
    const line =
      textOf(harness)
        .split('\n')
        .findIndex((l) => l.includes('"version": 1')) + 1;
    expect(root(harness).querySelector('ul')?.textContent).to.match(
      new RegExp(`Line ${line}: /version: "version" must be of type string`),
    );
    await ctrlEnter();
    expect(harness.applied.map((a) => a.patch)).to.deep.equal([[{ op: 'replace', path: '/version', value: 1 }]]);
  });

  it('follows a change made elsewhere, and keeps unapplied text with a choice', async () => {
    const harness = await opened({ lang: 'en' });
    await harness.edit([{ op: 'replace', path: '/contact', value: '0731-22222' }]);
    expect(textOf(harness)).to.include('"contact": "0731-22222"');

    await replaceText(harness, '"居住证申领"', '"居住证申领" oops');
    await harness.edit([{ op: 'replace', path: '/contact', value: '0731-33333' }]);
    expect(textOf(harness)).to.include('"居住证申领" oops');
    expect(root(harness).querySelector('.notice')?.textContent).to.include('The document changed; your text is kept.');
    await expect(harness.el).to.be.accessible();
    buttonNamed(harness, 'Show the new document instead').click();
    await harness.el.updateComplete;
    expect(textOf(harness)).to.include('"contact": "0731-33333"');
    expect(textOf(harness)).not.to.include('oops');
    expect(root(harness).querySelector('.notice')).to.equal(null);
    expect(root(harness).activeElement?.classList.contains('cm-content')).to.equal(true);
  });

  it('applies kept text over the newer document as one patch', async () => {
    const harness = await opened({ lang: 'en' });
    await replaceText(harness, '"居住证申领"', '"居住证申领" oops');
    await harness.edit([{ op: 'replace', path: '/contact', value: '0731-33333' }]);
    buttonNamed(harness, 'Keep my text').click();
    await harness.el.updateComplete;
    await replaceText(harness, '"居住证申领" oops', '"居住证"');
    await ctrlEnter();
    // The text still has the old contact: applying it is the designer's choice, made whole.
    expect(harness.applied.at(-1)?.patch).to.deep.equal([
      { op: 'replace', path: '/title/zh-CN', value: '居住证' },
      { op: 'replace', path: '/contact', value: '0731-12345' },
    ]);
  });

  it('is read-only when the designer is', async () => {
    const harness = await opened({ readonly: true, lang: 'en' });
    expect(root(harness).querySelector('.cm-content')?.getAttribute('contenteditable')).to.equal('false');
    expect([...root(harness).querySelectorAll('button')].map((b) => b.textContent?.trim())).not.to.include(
      'Apply changes',
    );
  });

  for (const width of WIDTHS)
    it(`shows the document read-only in a plain text box when the editor cannot be loaded (${width} px)`, async () => {
      await atWidth(width);
      DesignerJsonPanel.loadEditor = () => Promise.reject(new Error('chunk missing'));
      const harness = await mountPanel<Panel>('matter-designer-json', await sampleMatter('residence-permit'), {
        lang: 'en',
      });
      await waitUntil(() => root(harness).querySelector('[role="alert"]'), 'the failure is said');
      expect(root(harness).querySelector('[role="alert"]')?.textContent).to.include(
        'The code editor could not be loaded (chunk missing)',
      );
      const box = root(harness).querySelector('textarea') as HTMLTextAreaElement;
      expect(box.readOnly).to.equal(true);
      expect(JSON.parse(box.value)).to.deep.equal(harness.document.matter);
      await expect(harness.el).to.be.accessible();
    });
});
