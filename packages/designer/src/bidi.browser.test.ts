// Bidi controls in a catalogue's texts (matter titles, authorities, field labels, material and
// provider names) must not reorder the words around them in <matter-catalogue>'s lists and
// <matter-designer>'s outline and panels: the same element on the plain and on the hostile
// texts, side by side, draws every visible character at the same place.
import { expect, fixture, html } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import { hostile, moved } from '../../elements/src/i18n/bidi.test-helpers.js';
import { sampleCatalogue, sampleMatter, settled } from './designer.test-helpers.js';
import type { MatterCatalogue } from './catalogue/matter-catalogue.js';
import type { MatterDesigner } from './matter-designer.js';
import './define.js';

function expectNothingMoved(plain: Element, spoiled: Element, at: string, least: number) {
  const { moved: shifted, compared } = moved(plain, spoiled);
  expect(compared, `${at}: characters compared`).to.be.at.least(least);
  expect(shifted, at).to.deep.equal([]);
}

describe('<matter-catalogue> with bidi controls in every text', function () {
  this.timeout(60000);

  for (const tab of ['matters', 'data', 'licences']) {
    it(`keeps every character of the ${tab} list in place`, async () => {
      const { catalogue } = await sampleCatalogue();
      const box = await fixture<HTMLDivElement>(html`
        <div style="display: grid; grid-template-columns: 900px 900px; gap: 8px">
          <matter-catalogue lang="zh-CN" .catalogue=${catalogue}></matter-catalogue>
          <matter-catalogue lang="zh-CN" .catalogue=${hostile(catalogue)}></matter-catalogue>
        </div>
      `);
      const els = [...box.querySelectorAll('matter-catalogue')] as MatterCatalogue[];
      for (const el of els) {
        await el.calculated;
        await el.updateComplete;
        el.shadowRoot?.querySelector<HTMLButtonElement>(`#tab-${tab}`)?.click();
        await el.updateComplete;
      }
      expectNothingMoved(els[0] as Element, els[1] as Element, tab, 200);
    });
  }
});

describe('<matter-designer> with bidi controls in every text', function () {
  this.timeout(60000);

  it('keeps every character of the outline and the preview in place, and the palette’s entries in their order', async () => {
    const { catalogue } = await sampleCatalogue();
    const matter = await sampleMatter('residence-permit');
    const pairs: [Catalogue, Matter][] = [
      [catalogue, matter],
      [hostile(catalogue), hostile(matter)],
    ];
    const box = await fixture<HTMLDivElement>(html`
      <div style="display: grid; grid-template-columns: 1100px 1100px; gap: 8px">
        ${pairs.map(([c, m]) => html`<matter-designer lang="zh-CN" .catalogue=${c} .matter=${m}></matter-designer>`)}
      </div>
    `);
    const els = [...box.querySelectorAll('matter-designer')] as MatterDesigner[];
    for (const el of els) await settled(el);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const el of els) await settled(el);
    const panel = (el: MatterDesigner, name: string) =>
      el.shadowRoot?.querySelector(`[data-panel='${name}']`) as Element;
    const [plain, spoiled] = els as [MatterDesigner, MatterDesigner];
    // The outline (titles with their marks, the forecast naming each provider) and the preview.
    for (const name of ['outline', 'preview']) expectNothingMoved(panel(plain, name), panel(spoiled, name), name, 100);
    // The palette's narrow column breaks a name's closing marks onto a line of their own now and
    // then: entries below move down a line, but no character moves sideways, as a reordering would.
    const sideways = moved(panel(plain, 'palette'), panel(spoiled, 'palette')).moved.filter((m) => {
      const [, from, to] = /@(\d+),\d+≠(\d+),/.exec(m) ?? [];
      return Math.abs(Number(from) - Number(to)) > 2;
    });
    expect(sideways, 'palette').to.deep.equal([]);
  });
});
