// The sample catalogue's matters were written to show every colour; the rater must agree.
import { expect } from 'chai';
import { rateCatalogue, type Colour } from './colour.js';
import { loadCatalogueFrom } from '../node.js';

const folder = new URL('../../../../schemas/catalogue', import.meta.url).pathname;

const INTENDED: Record<string, Colour> = {
  'residence-permit': 'green',
  'lawyer-no-penalty-certificate': 'green',
  'tobacco-retail-licence': 'green',
  'flexible-employment-insurance': 'orange',
  'driving-licence-renewal': 'orange',
  'housing-fund-withdrawal': 'orange',
  'teacher-qualification': 'yellow',
  'household-migration': 'yellow',
  'household-register-replacement': 'yellow',
  'individual-business-registration': 'yellow',
  'food-business-licence': 'yellow',
  'company-name-change': 'red',
  'road-transport-qualification-renewal': 'red',
};

describe('the four colours of the sample catalogue', () => {
  it('rates every sample matter as intended', async () => {
    const load = await loadCatalogueFrom(folder);
    expect(load.errors).to.deep.equal([]);
    const report = rateCatalogue(load.catalogue);
    expect(Object.fromEntries(report.matters.map((m) => [m.id, m.colour]))).to.deep.equal(INTENDED);
    expect(report.totals).to.deep.equal({ red: 2, orange: 3, yellow: 5, green: 3 });
  });

  it('explains each colour with reasons and gives fixes for every matter that is not green', async () => {
    const report = rateCatalogue((await loadCatalogueFrom(folder)).catalogue);
    for (const rating of report.matters) {
      for (const stage of Object.values(rating.stages)) {
        expect(stage.reasons.length, rating.id).to.be.at.least(1);
        expect(
          stage.reasons.some((r) => r.colour === stage.colour),
          rating.id,
        ).to.equal(true);
      }
      if (rating.colour !== 'green') expect(rating.fixes.length, rating.id).to.be.at.least(1);
    }
    const byId = new Map(report.matters.map((m) => [m.id, m]));
    // The stale residence permit keeps flexible employment insurance orange…
    const insurance = byId.get('flexible-employment-insurance');
    expect(insurance?.stages.apply.reasons.find((r) => r.colour === 'orange')).to.deep.include({
      rule: 'stale',
      material: 'residence-permit',
      conditional: true,
    });
    // …and household register replacement re-types into certificate printing and only mails the result.
    const replacement = byId.get('household-register-replacement');
    expect(replacement?.stages.review.reasons.find((r) => r.colour === 'yellow')?.system).to.equal(
      'certificate-printing',
    );
    expect(replacement?.stages.deliver.reasons[0]?.rule).to.equal('delivery-mail');
    const transport = byId.get('road-transport-qualification-renewal');
    expect(transport?.stages.deliver.colour).to.equal('red');
    expect(transport?.stages.apply.reasons.map((r) => r.rule)).to.include('onsite-visits');
  });
});
