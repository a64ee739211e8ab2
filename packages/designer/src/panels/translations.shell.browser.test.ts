// The translations tab inside <matter-designer>, used by keyboard only: reached through the
// views tab list, a translation typed and then taken back with Ctrl+Z.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  announcement,
  chord,
  deepActive,
  expectNoHorizontalOverflow,
  openDesigner,
  panel,
  settled,
} from '../designer.test-helpers.js';

const NAME_TITLE = '/schema/properties/applicant/properties/name/title';

describe('<matter-designer> translations tab', function () {
  // The whole designer drawn and checked by axe, on a machine other test runs share.
  this.timeout(60000);
  afterEach(async () => {
    await setViewport({ width: 1280, height: 900 });
  });

  it('is reached from the views tabs by keyboard, and an English title typed there is undone by Ctrl+Z', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await openDesigner('residence-permit', 'en');
    const before = JSON.stringify(el.matter);
    const first = el.shadowRoot?.querySelector<HTMLButtonElement>('#view-tab-preview');
    expect(first).to.exist;
    first?.focus();
    await sendKeys({ press: 'End' });
    await settled(el);
    const tab = el.shadowRoot?.querySelector<HTMLButtonElement>('#view-tab-translations');
    expect(tab?.textContent?.trim()).to.equal('Translations');
    expect(tab?.getAttribute('aria-selected')).to.equal('true');
    expect(deepActive()).to.equal(tab);

    const translations = panel(el, 'translations');
    await (translations as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await expect(el).to.be.accessible();
    const input = translations.shadowRoot?.querySelector<HTMLInputElement>(
      `[data-pointer="${NAME_TITLE}"][data-locale="en"]`,
    );
    expect(input?.value).to.equal('Name');
    input?.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyA' });
    await sendKeys({ up: 'Control' });
    await sendKeys({ type: 'Full name' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    const field = (el.matter?.schema.properties as Record<string, { properties: Record<string, unknown> }>).applicant
      ?.properties.name;
    expect(field).to.deep.include({ 'x-i18n': { en: { title: 'Full name' } } });
    expect(announcement(el)).to.contain('Changed Field Name · title (English)');
    expect(deepActive()).to.equal(input, 'focus stays in the cell');

    // Ctrl+Z in a text input is the input's own; from the tab it is the designer's.
    tab?.focus();
    await chord('z', 'Control');
    await settled(el);
    expect(JSON.stringify(el.matter)).to.equal(before);
    expect(input?.value).to.equal('Name');
  });

  it('fits a phone: the table scrolls in its own box, not the page', async () => {
    await setViewport({ width: 375, height: 800 });
    const el = await openDesigner('residence-permit', 'zh-CN');
    el.shadowRoot?.querySelector<HTMLButtonElement>('#view-tab-translations')?.click();
    await settled(el);
    const translations = panel(el, 'translations');
    await (translations as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expectNoHorizontalOverflow(el);
    const box = translations.shadowRoot?.querySelector<HTMLElement>('.table-box');
    expect(box?.getAttribute('role')).to.equal('region');
    expect(box?.tabIndex).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
