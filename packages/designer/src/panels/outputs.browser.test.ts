import { expect } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import { DesignerOutputsPanel } from './outputs.js';
import {
  activate,
  chooseByKeyboard,
  focused,
  matterOf,
  mountPanel,
  part,
  sampleCatalogue,
  settle,
  typeInto,
} from './panel.test-helpers.js';

describe('<matter-designer-outputs>', () => {
  let catalogue: Catalogue;
  let matter: Matter;
  before(async () => {
    catalogue = await sampleCatalogue();
    matter = matterOf(catalogue, 'residence-permit');
  });

  it('is accessible at 1280 and 375 px', async () => {
    for (const width of [1280, 375]) {
      const h = await mountPanel('matter-designer-outputs', DesignerOutputsPanel, matter, catalogue, { width });
      await expect(h.panel).to.be.accessible();
    }
  });

  it('maps output keys to fields by picking them, by keyboard; undo gives the document back', async () => {
    const h = await mountPanel('matter-designer-outputs', DesignerOutputsPanel, matter, catalogue);
    await expect(h.panel).to.be.accessible();
    const templateOf = (index: number) => (h.matter.outputs?.[index]?.template ?? {}) as Record<string, unknown>;
    const first = part<HTMLSelectElement>(h.panel, '#output-0-field-0');
    expect(first.value).to.equal('/applicant/name');
    await chooseByKeyboard(first, '/applicant/idNumber');
    await settle(h.panel);
    expect(templateOf(0).XM).to.equal('{/applicant/idNumber}');
    expect(focused(h.panel)).to.equal(first);

    await typeInto(part(h.panel, '#output-0-new-key'), 'SQTJ');
    await chooseByKeyboard(part(h.panel, '#output-0-new-field'), '/basis');
    await activate(part(h.panel, '#output-0-add-key'));
    await settle(h.panel);
    expect(templateOf(0).SQTJ).to.equal('{/basis}');
    expect(focused(h.panel)).to.equal(part(h.panel, '#output-0-new-key'));

    await typeInto(part(h.panel, '#new-system'), 'archive-office');
    await activate(part(h.panel, '#add-system'));
    await settle(h.panel);
    expect(h.matter.outputs?.[1]).to.deep.equal({ system: 'archive-office', template: {} });
    expect(focused(h.panel)).to.equal(part(h.panel, '#output-1-new-key'));
    await expect(h.panel).to.be.accessible();

    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });
});
