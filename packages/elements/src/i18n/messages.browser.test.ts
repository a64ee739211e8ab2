// Other locales without forking: a host's message pack, and a field's `x-i18n` in the page's language.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import type { MatterForm } from '../form/matter-form.js';
import { registerMessages } from '../index.js';
import '../define.js';

const catalogue = { concepts: [], sources: [], licences: [], matters: [] } as unknown as Catalogue;

const matter = {
  id: 'library-card',
  version: '1.0.0',
  title: { 'zh-CN': '借书证申请', en: 'Library card', fr: 'Carte de bibliothèque' },
  schema: {
    type: 'object',
    properties: {
      reader: {
        type: 'string',
        title: '读者姓名',
        'x-i18n': { en: { title: 'Reader' }, fr: { title: 'Nom du lecteur' } },
      },
    },
  },
} as unknown as Matter;

async function form(lang: string): Promise<MatterForm> {
  const el = await fixture<MatterForm>(html`<matter-form lang=${lang}></matter-form>`);
  const ready = new Promise((resolve) => el.addEventListener('matter-ready', resolve, { once: true }));
  el.catalogue = catalogue;
  el.matter = matter;
  await ready;
  await el.updateComplete;
  return el;
}

const texts = (el: MatterForm, selector: string) =>
  [...(el.shadowRoot?.querySelectorAll(selector) ?? [])].map((n) => n.textContent?.replace(/\s+/g, ' ').trim());

describe('messages: English, fetched when a form speaks it', () => {
  // First in this file, so the page has not fetched the English of the first step's words yet.
  it('draws a zh-CN form again in English once its lang turns to en', async () => {
    const el = await form('zh-CN');
    expect(texts(el, '.actions button')).to.deep.equal(['保存并继续']);
    el.lang = 'en';
    await waitUntil(
      () => texts(el, '.actions button')[0] === 'Save and continue',
      'the button never said it in English',
    );
    expect(texts(el, '.step-caption')).to.deep.equal(['Step 1 of 3']);
    expect(texts(el, 'label')).to.deep.equal(['Reader (optional)']);
  });
});

describe('messages: a locale the SDK does not write', () => {
  it("shows a registered 'fr' pack and the fields' x-i18n.fr, and leaves an English form on the page as it was", async () => {
    registerMessages('fr', { form: { next: 'Enregistrer et continuer' }, fields: { optional: ' (facultatif)' } });
    const french = await form('fr');
    const english = await form('en');
    await expect(french).to.be.accessible();
    expect(texts(french, '.actions button')).to.deep.equal(['Enregistrer et continuer']);
    expect(texts(french, 'label')).to.deep.equal(['Nom du lecteur (facultatif)']);
    expect(texts(french, 'h2')[0]).to.equal('Carte de bibliothèque');
    // A key the pack leaves out is said in zh-CN.
    expect(texts(french, '.step-caption')).to.deep.equal(['第 1 步，共 3 步']);
    expect(texts(english, '.actions button')).to.deep.equal(['Save and continue']);
    expect(texts(english, 'label')).to.deep.equal(['Reader (optional)']);
  });
});
