import { expect } from 'chai';
import { loadCatalogueFrom } from '../node.js';
import { manualFieldCount, MANUAL_FIELDS_ALLOWED, rateCatalogue, rateMatter } from './colour.js';
import { catalogueFigures, connectionImpact, connectProvider, pendingProviders } from './impact.js';

const folder = new URL('../../../../schemas/catalogue', import.meta.url).pathname;

describe('connection impact', () => {
  it('counts typed fields as the manual-fields rule does, also within the allowance of three', async () => {
    const { catalogue } = await loadCatalogueFrom(folder);
    let above = 0;
    let within = 0;
    for (const matter of catalogue.matters) {
      const count = manualFieldCount(matter, catalogue) as number;
      const rating = rateMatter(matter, catalogue);
      const listed = rating.stages.apply.reasons.filter((r) => r.rule === 'manual-fields' && r.field !== undefined);
      if (count > MANUAL_FIELDS_ALLOWED) {
        above++;
        expect(listed.length, matter.id).to.equal(count);
      } else {
        within++;
        expect(listed, matter.id).to.deep.equal([]);
      }
    }
    expect(above, 'matters over the allowance').to.be.above(0);
    expect(within, 'matters within it').to.be.above(0);
  });

  it('connects a copy of the catalogue and leaves the given one as it was', async () => {
    const { catalogue } = await loadCatalogueFrom(folder);
    const before = JSON.stringify(catalogue);
    const connected = connectProvider(catalogue, 'source:mca-marriage');
    expect(connected.sources.find((s) => s.id === 'mca-marriage')).to.include({ connected: true });
    const fresh = connectProvider(catalogue, 'licence:marriage-certificate');
    expect(fresh.licences.find((l) => l.id === 'marriage-certificate')).to.include({ fresh: true });
    expect(JSON.stringify(catalogue)).to.equal(before);
    expect(pendingProviders(connected)).not.to.include('source:mca-marriage');
    expect(() => connectProvider(catalogue, 'source:no-such')).to.throw('no source no-such');
  });

  it('lists a provider among the matters that use it when a material names it or it provides a concept a field holds', async () => {
    const { catalogue } = await loadCatalogueFrom(folder);
    const figures = catalogueFigures(catalogue);
    const byMaterial = catalogue.matters.filter((m) =>
      (m.materials ?? []).some((material) => material.sources?.includes('mca-marriage')),
    );
    expect(byMaterial.length).to.be.above(0);
    for (const matter of byMaterial) expect(figures.usedBy.get('source:mca-marriage'), matter.id).to.include(matter.id);
    const impact = connectionImpact(catalogue, 'source:mca-marriage', figures);
    expect(impact.matters).to.deep.equal(figures.usedBy.get('source:mca-marriage'));
  });

  it('gives the same figures from the ratings already made as when it rates every matter itself', async () => {
    const { catalogue } = await loadCatalogueFrom(folder);
    const ratings = rateCatalogue(catalogue).matters;
    expect(catalogueFigures(catalogue, ratings).matters).to.deep.equal(catalogueFigures(catalogue).matters);
    // Ratings of another catalogue (here: in another order) are not taken for these matters.
    const shuffled = [...ratings].reverse();
    expect(catalogueFigures(catalogue, shuffled).matters).to.deep.equal(catalogueFigures(catalogue).matters);
  });
});
