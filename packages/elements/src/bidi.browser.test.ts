// Bidi controls in the texts of a matter, its catalogue and the providers' answers (U+202E,
// a stray U+2069 before it, U+2067 never closed, U+200F …) must not reorder the words around
// them. Two copies of each element side by side, one given the plain texts and one the same
// texts each ending in controls: every visible character must be drawn at the same place in
// both — the "（选填）" after a label, a badge's date, the review's "修改", a material's status.
import { expect, fixture, html } from '@open-wc/testing';
import { staticConnector, type Catalogue, type Fixtures, type Matter } from '@matterform/core';
import { hostile, hostileAnswers, moved } from './i18n/bidi.test-helpers.js';
import { isolate } from './i18n/bidi.js';
import { sampleCatalogue } from './form/form.test-helpers.js';
import type { MatterForm } from './form/matter-form.js';
import type { MatterMaterials } from './materials/matter-materials.js';
import type { MatterStatus } from './status/matter-status.js';
import './define.js';
import './define-materials.js';
import './define-status.js';

const A = '430102199003150311';
const TODAY = '2026-11-26';

let fixtures: Fixtures;
before(async () => {
  fixtures = (await (await fetch('/schemas/catalogue/fixtures.json')).json()) as Fixtures;
});

const settle = async (els: { updateComplete: Promise<unknown> }[]) => {
  for (let i = 0; i < 3; i++) {
    await Promise.all(els.map((el) => el.updateComplete));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Where the hostile copy moved a character: none, out of a good number compared. */
function expectNothingMoved(plain: Element, spoiled: Element, at: string, least = 50) {
  const { moved: shifted, compared } = moved(plain, spoiled);
  expect(compared, `${at}: characters compared`).to.be.at.least(least);
  expect(shifted, at).to.deep.equal([]);
}

describe('isolate()', () => {
  it('leaves plain text alone, and isolates one that could reorder its neighbours, balancing its own isolates', () => {
    expect(isolate('姓名 Name 123')).to.equal('姓名 Name 123');
    expect(isolate('姓名\u202e')).to.equal('\u2068姓名\u202e\u2069');
    expect(isolate('a\u2069\u202eb')).to.equal('\u2068a\u202eb\u2069');
    expect(isolate('a\u2067b\u2066c\u2069')).to.equal('\u2068a\u2067b\u2066c\u2069\u2069\u2069');
    // A name isolated inside a message stays isolated when the message is.
    expect(isolate(`（${isolate('x\u202e')}）`)).to.equal('\u2068（\u2068x\u202e\u2069）\u2069');
    expect(isolate('a\u200f')).to.equal('\u2068a\u200f\u2069');
  });
});

describe('<matter-form> with bidi controls in every text', function () {
  this.timeout(60000);

  for (const lang of ['zh-CN', 'en']) {
    it(`keeps every character of every step in place (${lang})`, async () => {
      const catalogue = await sampleCatalogue();
      const spoiledCatalogue = hostile(catalogue);
      const [plain, spoiled] = await pair(lang, catalogue, spoiledCatalogue);
      const both = [plain, spoiled];
      const root = (el: MatterForm) => el.shadowRoot as ShadowRoot;
      const press = async (name: RegExp) => {
        for (const el of both) {
          const button = [...root(el).querySelectorAll('button')].find((b) => name.test(b.textContent?.trim() ?? ''));
          if (!button) throw new Error(`no button ${name} in: ${root(el).textContent?.slice(0, 400)}`);
          button.click();
        }
        await settle(both);
      };
      const heading = () => root(plain).querySelector('[part~="step-heading"]')?.textContent?.trim();

      // The consent panel: each office, what it gives, and why.
      expectNothingMoved(plain, spoiled, 'consent');
      const prefilled = both.map((el) => new Promise((resolve) => el.addEventListener('matter-prefill', resolve)));
      for (const el of both) (root(el).querySelector('[part~="consent"] button') as HTMLButtonElement).click();
      await Promise.all(prefilled);
      await settle(both);
      expectNothingMoved(plain, spoiled, `step 1 ${heading()}: labels, badges`);

      // Step 2 left empty: the error summary and the messages naming each field.
      await press(/^(保存并继续|Save and continue)$/);
      await press(/^(保存并继续|Save and continue)$/);
      expect(root(plain).querySelector('[part~="error-summary"]'), 'errors shown').not.to.equal(null);
      expectNothingMoved(plain, spoiled, `step 2 ${heading()}: errors`);

      for (const el of both) {
        const value = el.value as { residence?: object };
        el.value = {
          ...value,
          housing: 'owned',
          residence: { ...value.residence, since: '2024-03-01' },
          basis: 'residence',
        };
      }
      await settle(both);
      const seen = [heading()];
      for (let step = 0; step < 3; step++) {
        await press(/^(保存并继续|Save and continue)$/);
        seen.push(heading());
        expectNothingMoved(plain, spoiled, `step ${heading()}`);
      }
      // The review last: every answer with its source and "修改".
      expect(
        root(plain).querySelector('[part~="review"]'),
        `review reached (${seen.join(' → ')}) ${root(plain).querySelector('[part~="error-summary"]')?.textContent}`,
      ).not.to.equal(null);
      expect(root(spoiled).textContent).to.contain('\u202e');
    });
  }
});

/** Two forms of the residence permit for applicant A, one on the hostile catalogue and answers. */
async function pair(
  lang: string,
  catalogue: Catalogue,
  spoiledCatalogue: Catalogue,
): Promise<[MatterForm, MatterForm]> {
  const box = await fixture<HTMLDivElement>(html`
    <div style="display: grid; grid-template-columns: 640px 640px; gap: 8px">
      <matter-form lang=${lang} consent="ask"></matter-form>
      <matter-form lang=${lang} consent="ask"></matter-form>
    </div>
  `);
  const forms = [...box.querySelectorAll('matter-form')];
  const setups: [Catalogue, Fixtures][] = [
    [catalogue, fixtures],
    [spoiledCatalogue, hostileAnswers(fixtures)],
  ];
  await Promise.all(
    forms.map((el, i) => {
      const [cat, fix] = setups[i] as [Catalogue, Fixtures];
      const consent = new Promise((resolve) => {
        const timer = setInterval(() => {
          if (!el.shadowRoot?.querySelector('[part~="consent"] button')) return;
          clearInterval(timer);
          resolve(true);
        }, 20);
      });
      el.connectors = [staticConnector({ catalogue: cat, fixtures: fix, delays: false, now: () => new Date(TODAY) })];
      el.subject = { kind: 'person', id: A };
      el.catalogue = cat;
      el.matter = cat.matters.find((m) => m.id === 'residence-permit') as Matter;
      return consent;
    }),
  );
  await settle(forms);
  return forms as [MatterForm, MatterForm];
}

describe('<matter-materials> with bidi controls in every text', () => {
  it('keeps each material’s name, description, status and provider in place', async () => {
    const catalogue = await sampleCatalogue();
    const spoiledCatalogue = hostile(catalogue);
    const box = await fixture<HTMLDivElement>(html`
      <div style="display: grid; grid-template-columns: 640px 640px; gap: 8px">
        <matter-materials lang="zh-CN" today=${TODAY}></matter-materials>
        <matter-materials lang="zh-CN" today=${TODAY}></matter-materials>
      </div>
    `);
    const els = [...box.querySelectorAll('matter-materials')] as MatterMaterials[];
    const setups: [Catalogue, Fixtures][] = [
      [catalogue, fixtures],
      [spoiledCatalogue, hostileAnswers(fixtures)],
    ];
    await Promise.all(
      els.map((el, i) => {
        const [cat, fix] = setups[i] as [Catalogue, Fixtures];
        const done = new Promise((resolve) => el.addEventListener('matter-materials', resolve, { once: true }));
        el.connectors = [staticConnector({ catalogue: cat, fixtures: fix, delays: false })];
        el.subject = { kind: 'person', id: A };
        el.value = { housing: 'owned', basis: 'employment' };
        el.catalogue = cat;
        el.matter = cat.matters.find((m) => m.id === 'residence-permit') as Matter;
        return done;
      }),
    );
    await settle(els);
    expectNothingMoved(els[0] as Element, els[1] as Element, 'materials', 100);
  });
});

describe('<matter-status> with bidi controls in what the gateway says', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('keeps the decision, the licence number and the ways of delivery in place', async () => {
    const answer = {
      reference: 'X3KRG6JNU4',
      status: 'decided',
      updatedAt: '2026-11-26T08:00:00Z',
      result: {
        decision: 'approved',
        title: { 'zh-CN': '准予核发居住证', en: 'Residence permit granted' },
        licence: { number: 'JZZ-2026-0001' },
        delivery: ['drone', 'counter-pickup'],
      },
      history: [
        { status: 'received', at: '2026-11-25T08:00:00Z' },
        { status: 'decided', at: '2026-11-26T08:00:00Z' },
      ],
    };
    const answers: Record<string, unknown> = {
      '/__bidi/plain/X3KRG6JNU4': answer,
      '/__bidi/hostile/X3KRG6JNU4': {
        ...answer,
        result: {
          ...answer.result,
          title: hostile({ title: answer.result.title }).title,
          licence: { number: 'JZZ-2026-0001\u202e' },
          delivery: ['drone\u2069\u202e', 'counter-pickup'],
        },
      },
    };
    window.fetch = (input: RequestInfo | URL) => {
      const path = new URL(String(input instanceof Request ? input.url : input), location.href).pathname;
      const body = answers[path];
      return Promise.resolve(
        body === undefined
          ? new Response('{}', { status: 404 })
          : new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      );
    };
    const box = await fixture<HTMLDivElement>(html`
      <div style="display: grid; grid-template-columns: 640px 640px; gap: 8px">
        <matter-status lang="zh-CN" action="/__bidi/plain" reference="X3KRG6JNU4" .archive=${false}></matter-status>
        <matter-status lang="zh-CN" action="/__bidi/hostile" reference="X3KRG6JNU4" .archive=${false}></matter-status>
      </div>
    `);
    const els = [...box.querySelectorAll('matter-status')] as MatterStatus[];
    for (let i = 0; i < 100 && !els.every((el) => el.shadowRoot?.querySelector('[part~="result"]')); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await settle(els);
    expect(els[1]?.shadowRoot?.textContent).to.contain('\u202e');
    expectNothingMoved(els[0] as Element, els[1] as Element, 'status', 40);
  });
});
