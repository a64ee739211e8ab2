import { expect } from '@open-wc/testing';
import type { Catalogue, Matter } from '@matterform/core';
import { DesignerStepsPanel } from './steps.js';
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

describe('<matter-designer-steps>', () => {
  let catalogue: Catalogue;
  let matter: Matter;
  before(async () => {
    catalogue = await sampleCatalogue();
    matter = matterOf(catalogue, 'residence-permit');
  });

  it('is accessible at 1280 and 375 px', async () => {
    for (const width of [1280, 375]) {
      const h = await mountPanel('matter-designer-steps', DesignerStepsPanel, matter, catalogue, { width });
      await expect(h.panel).to.be.accessible();
    }
  });

  it('adds a step and moves a field to it by keyboard; undo gives the document back', async () => {
    const h = await mountPanel('matter-designer-steps', DesignerStepsPanel, matter, catalogue);
    await expect(h.panel).to.be.accessible();
    await activate(part(h.panel, '#add-step'));
    await settle(h.panel);
    expect(h.matter.layout?.steps).to.have.length(4);
    expect(h.matter.layout?.steps[3]).to.deep.include({ title: { 'zh-CN': '步骤 4', en: 'Step 4' } });
    expect(focused(h.panel)).to.equal(part(h.panel, '#step-3-title-zh-CN'));

    const select = part<HTMLSelectElement>(h.panel, 'select[data-field="/useIdCardPhoto"]');
    await chooseByKeyboard(select, '3');
    expect(h.document.canUndo).to.equal(true);
    expect(h.matter.layout?.steps[2]?.fields).to.include('/useIdCardPhoto');
    await activate(part(h.panel, `#${select.id}-button`));
    await settle(h.panel);
    expect(h.matter.layout?.steps[2]?.fields).not.to.include('/useIdCardPhoto');
    expect(h.matter.layout?.steps[3]?.fields).to.deep.equal(['/useIdCardPhoto']);
    const moved = part<HTMLSelectElement>(h.panel, 'select[data-field="/useIdCardPhoto"]');
    expect(moved.closest('fieldset')?.id).to.equal('step-3');
    expect(focused(h.panel)).to.equal(moved);
    await expect(h.panel).to.be.accessible();

    await typeInto(part(h.panel, '#step-3-title-en'), 'Photo');
    await settle(h.panel);
    expect(h.matter.layout?.steps[3]?.title).to.deep.equal({ 'zh-CN': '步骤 4', en: 'Photo' });

    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('moves a step up and keeps focus on its button', async () => {
    const h = await mountPanel('matter-designer-steps', DesignerStepsPanel, matter, catalogue);
    await expect(h.panel).to.be.accessible();
    await activate(part(h.panel, '#step-2-up'));
    await settle(h.panel);
    expect(h.matter.layout?.steps[1]?.fields).to.include('/basis');
    expect(focused(h.panel)).to.equal(part(h.panel, '#step-1-up'));
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });

  it('gives a matter without steps its first one, holding every field', async () => {
    const { layout: _layout, ...unlaid } = matter;
    const h = await mountPanel('matter-designer-steps', DesignerStepsPanel, unlaid as Matter, catalogue);
    await expect(h.panel).to.be.accessible();
    expect(part(h.panel, 'section').textContent).to.contain('No steps yet');
    await activate(part(h.panel, '#add-step'));
    await settle(h.panel);
    expect(h.matter.layout?.steps).to.have.length(1);
    expect(h.matter.layout?.steps[0]?.fields).to.include('/applicant').and.include('/useIdCardPhoto');
    expect(focused(h.panel)).to.equal(part(h.panel, '#step-0-title-zh-CN'));
    await activate(part(h.panel, '#add-step'));
    await settle(h.panel);
    expect(h.matter.layout?.steps[1]).to.deep.equal({ title: { 'zh-CN': '步骤 2', en: 'Step 2' }, fields: [] });
    expect(focused(h.panel)).to.equal(part(h.panel, '#step-1-title-zh-CN'));
    await expect(h.panel).to.be.accessible();
    await h.undoAll();
    expect(h.serialized()).to.equal(h.original);
  });
});
