// The outline as a designer uses it by keyboard, button and drag: arrows select, Alt+Arrow
// moves, Delete deletes, Ctrl+Z undoes — the document changes as said, focus stays on the
// field, and the live region says what happened.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { getAt } from '@matterform/core';
import type { MatterDesigner } from '../matter-designer.js';
import {
  announcement,
  chord,
  deepActive,
  expectNoHorizontalOverflow,
  openDesigner,
  panel,
  settled,
} from '../designer.test-helpers.js';

const NAME = 'field:/schema/properties/applicant/properties/name';

function items(el: MatterDesigner): HTMLElement[] {
  return [...(panel(el, 'outline').shadowRoot?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
}

function item(el: MatterDesigner, key: string): HTMLElement {
  const found = items(el).find((candidate) => candidate.dataset.key === key);
  expect(found, key).to.exist;
  return found as HTMLElement;
}

function button(el: MatterDesigner, action: string): HTMLButtonElement {
  const found = panel(el, 'outline').shadowRoot?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  expect(found, action).to.exist;
  return found as HTMLButtonElement;
}

function applicantKeys(el: MatterDesigner): string[] {
  return Object.keys(getAt(el.matter, '/schema/properties/applicant/properties') as object);
}

async function press(el: MatterDesigner, key: string, ...modifiers: string[]): Promise<void> {
  if (modifiers.length) await chord(key, ...modifiers);
  else await sendKeys({ press: key });
  await settled(el);
}

describe('<matter-designer> outline', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [1280, 375]) {
    it(`is an accessible tree at ${width} px, with a field selected`, async () => {
      await setViewport({ width, height: 900 });
      const el = await openDesigner('residence-permit');
      const outline = panel(el, 'outline');
      await expect(outline).to.be.accessible();
      item(el, NAME).click();
      await settled(el);
      await expect(outline).to.be.accessible();
      expectNoHorizontalOverflow(el);
      const tree = outline.shadowRoot?.querySelector('[role="tree"]');
      expect(tree?.querySelectorAll('[role="treeitem"][tabindex="0"]')).to.have.length(1);
      expect(item(el, NAME).getAttribute('aria-selected')).to.equal('true');
      expect(item(el, NAME).getAttribute('aria-level')).to.equal('3');
      expect(item(el, 'field:/schema/properties/applicant').getAttribute('aria-expanded')).to.equal('true');
    });
  }

  it('selects with arrows, moves with Alt+ArrowDown (focus kept, announced), and Ctrl+Z puts it back byte for byte', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await openDesigner('residence-permit');
    const original = JSON.stringify(el.matter);
    items(el)[0]!.focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    expect((deepActive() as HTMLElement).dataset.key).to.equal(NAME);
    expect(item(el, NAME).getAttribute('aria-selected')).to.equal('true');
    expect(el.shadowRoot?.querySelector('[part~="tab-selected"]')?.textContent).to.contain('字段属性');

    const before = applicantKeys(el);
    await press(el, 'ArrowDown', 'Alt');
    expect(applicantKeys(el)).to.deep.equal([before[1], before[0], ...before.slice(2)]);
    expect((deepActive() as HTMLElement).dataset.key).to.equal(NAME);
    expect(announcement(el)).to.equal('下移“姓名”');
    expect(el.dirty).to.equal(true);

    await press(el, 'z', 'Control');
    expect(JSON.stringify(el.matter)).to.equal(original);
    expect((deepActive() as HTMLElement).dataset.key).to.equal(NAME);
    expect(announcement(el)).to.equal('已撤销：下移“姓名”');
    expect(el.dirty).to.equal(false);
  });

  it('walks the tree with Home, End, Left and Right, collapsing and expanding a group', async () => {
    const el = await openDesigner('residence-permit');
    items(el)[0]!.focus();
    await press(el, 'ArrowDown');
    const group = 'field:/schema/properties/applicant';
    expect((deepActive() as HTMLElement).dataset.key).to.equal(group);
    await press(el, 'ArrowLeft');
    expect(item(el, group).getAttribute('aria-expanded')).to.equal('false');
    expect(items(el).some((candidate) => candidate.dataset.key === NAME)).to.equal(false);
    await press(el, 'ArrowRight');
    expect(item(el, group).getAttribute('aria-expanded')).to.equal('true');
    await press(el, 'ArrowRight');
    expect((deepActive() as HTMLElement).dataset.key).to.equal(NAME);
    await press(el, 'ArrowLeft');
    expect((deepActive() as HTMLElement).dataset.key).to.equal(group);
    await press(el, 'End');
    expect(deepActive()).to.equal(items(el).at(-1));
    await press(el, 'Home');
    expect(deepActive()).to.equal(items(el)[0]);
  });

  it('deletes with Delete, focusing the next item; the buttons name the field and move it', async () => {
    const el = await openDesigner('residence-permit');
    item(el, NAME).click();
    await settled(el);
    expect(button(el, 'move-up').textContent?.trim()).to.equal('上移“姓名”');
    const keys = applicantKeys(el);
    button(el, 'move-down').click();
    await settled(el);
    expect(applicantKeys(el)).to.deep.equal([keys[1], keys[0], ...keys.slice(2)]);
    expect((deepActive() as HTMLElement | null)?.dataset.key).to.equal(NAME);
    button(el, 'move-up').click();
    await settled(el);
    expect(applicantKeys(el)).to.deep.equal(keys);

    item(el, NAME).focus();
    await press(el, 'Delete');
    expect(applicantKeys(el)).to.deep.equal(keys.slice(1));
    const next = `field:/schema/properties/applicant/properties/${keys[1]}`;
    expect((deepActive() as HTMLElement).dataset.key).to.equal(next);
    expect(announcement(el)).to.equal('删除“姓名”');
    await press(el, 'z', 'Control');
    expect(applicantKeys(el)).to.deep.equal(keys);
  });

  it('moves a field into another step or group from "move to…"', async () => {
    const el = await openDesigner('residence-permit');
    item(el, 'field:/schema/properties/hukou').click();
    await settled(el);
    const outline = panel(el, 'outline');
    const select = outline.shadowRoot?.querySelector<HTMLSelectElement>('#move-to') as HTMLSelectElement;
    select.value = 'step:1';
    select.form?.requestSubmit();
    await settled(el);
    expect(el.matter?.layout?.steps?.[0]?.fields).to.not.include('/hukou');
    expect(el.matter?.layout?.steps?.[1]?.fields?.at(-1)).to.equal('/hukou');
    expect((deepActive() as HTMLElement).dataset.key).to.equal('field:/schema/properties/hukou');
    expect(announcement(el)).to.contain('“户籍');
  });

  it('moves a field by dragging it after another one, announced', async () => {
    const el = await openDesigner('residence-permit');
    const keys = applicantKeys(el);
    const source = item(el, NAME);
    const target = item(el, `field:/schema/properties/applicant/properties/${keys[2]}`);
    const row = target.querySelector('.row') as HTMLElement;
    const box = row.getBoundingClientRect();
    const at = { clientX: box.left + 10, clientY: box.bottom - 2 };
    const dataTransfer = new DataTransfer();
    source.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, cancelable: true, dataTransfer }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    for (const type of ['dragenter', 'dragover']) {
      row.dispatchEvent(new DragEvent(type, { bubbles: true, composed: true, cancelable: true, dataTransfer, ...at }));
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    row.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer, ...at }));
    await settled(el);
    expect(applicantKeys(el)).to.deep.equal([keys[1], keys[2], keys[0], ...keys.slice(3)]);
    expect(announcement(el)).to.match(/^把“姓名”移到“.+”之后$/);
  });
});
