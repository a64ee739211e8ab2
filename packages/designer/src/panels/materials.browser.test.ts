import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Catalogue, Matter } from '@matterform/core';
import { DesignerMaterialsPanel } from './materials.js';
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

describe('<matter-designer-materials>', () => {
  let catalogue: Catalogue;
  let matter: Matter;
  before(async () => {
    catalogue = await sampleCatalogue();
    matter = matterOf(catalogue, 'residence-permit');
  });

  it('is accessible at 1280 and 375 px, with a material open', async () => {
    for (const width of [1280, 375]) {
      const h = await mountPanel('matter-designer-materials', DesignerMaterialsPanel, matter, catalogue, {
        width,
        selection: { kind: 'material', index: 1 },
      });
      await expect(h.panel).to.be.accessible();
    }
  });

  it('adds a material other matters use, with a `when`, by keyboard; undo gives the document back', async () => {
    const h = await mountPanel('matter-designer-materials', DesignerMaterialsPanel, matter, catalogue);
    await expect(h.panel).to.be.accessible();
    const count = matter.materials?.length ?? 0;
    part(h.panel, '#known-search').focus();
    await sendKeys({ type: 'lost' });
    await settle(h.panel);
    await activate(part(h.panel, '[data-material="lost-statement"]'));
    await settle(h.panel);
    expect(h.matter.materials).to.have.length(count + 1);
    const added = h.matter.materials?.[count];
    expect(added?.id).to.equal('lost-statement');
    expect(h.selection).to.deep.equal({ kind: 'material', index: count });
    expect(focused(h.panel)).to.equal(part(h.panel, '#material-id'));

    await activate(part(h.panel, '#material-when >>> #add'));
    await settle(h.panel);
    expect(part<HTMLSelectElement>(h.panel, '#material-when >>> #field-0').value).to.equal('housing');
    await chooseByKeyboard(part(h.panel, '#material-when >>> #value-0'), '1');
    await settle(h.panel);
    expect(h.matter.materials?.[count]?.when).to.deep.equal({
      properties: { housing: { const: 'rented' } },
      required: ['housing'],
    });
    await expect(h.panel).to.be.accessible();

    await typeInto(part(h.panel, '#material-title-en'), 'Statement of loss');
    await settle(h.panel);
    expect(h.matter.materials?.[count]?.title).to.deep.include({ en: 'Statement of loss' });

    await activate(part(h.panel, `#material-licences [data-id="${catalogue.licences[0]?.id}"]`));
    await settle(h.panel);
    expect(h.matter.materials?.[count]?.licences).to.include(catalogue.licences[0]?.id);

    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('adds a new material and removes it, focus kept in the list', async () => {
    const h = await mountPanel('matter-designer-materials', DesignerMaterialsPanel, matter, catalogue);
    await expect(h.panel).to.be.accessible();
    const count = matter.materials?.length ?? 0;
    await activate(part(h.panel, '#add-new'));
    await settle(h.panel);
    expect(h.matter.materials?.[count]?.id).to.equal('new-material-1');
    await activate(part(h.panel, `#material-${count}-remove`));
    await settle(h.panel);
    expect(h.matter.materials).to.have.length(count);
    expect(focused(h.panel)).to.equal(part(h.panel, `#material-${count - 1}-edit`));
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });
});
