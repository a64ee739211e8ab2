import { expect } from 'chai';
import { forecastMatter } from './forecast.js';
import { loadCatalogue } from '../catalogue/catalogue.js';
import { sample } from '../catalogue/sample-catalogue.test-helpers.js';
import { planMatter } from '../engines/plan.js';
import { loadCatalogueFrom } from '../node.js';
import type { Catalogue, Matter } from '../generated/catalogue.js';

const folder = new URL('../../../../schemas/catalogue', import.meta.url).pathname;

/** The small sample catalogue of the loader tests, with coverages set as given. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function small(coverage: { licence?: number; source?: number }, change?: (matter: Record<string, any>) => void) {
  const input = sample();
  const licence = input.licences[0] as Record<string, unknown>;
  const source = input.sources[0] as Record<string, unknown>;
  if (coverage.licence !== undefined) licence.coverage = coverage.licence;
  if (coverage.source !== undefined) source.coverage = coverage.source;
  change?.(input.matters[0] as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
  const load = loadCatalogue(input);
  expect(load.errors).to.deep.equal([]);
  return { catalogue: load.catalogue, matter: load.catalogue.matters[0] as Matter };
}

describe('forecastMatter', () => {
  it('gives each filled field the share that at least one of its providers has data for', () => {
    const { catalogue, matter } = small({ licence: 0.9, source: 0.5 });
    const forecast = forecastMatter(matter, catalogue);
    expect(forecast.fields['/applicant/name']).to.deep.equal({
      share: 0.95,
      providers: ['licence:resident-id-card', 'source:mps-population'],
    });
    expect(forecast.fields['/applicant/idNumber']).to.deep.equal({
      share: 0.9,
      providers: ['licence:resident-id-card'],
    });
    // Typed by hand: not listed.
    expect(forecast.fields).to.not.have.property('/landlord');
    // The only required field a person types is the name; the housing choice is not typed.
    expect(forecast.typed).to.equal(0.05);
    expect(forecast.unknown).to.equal(0);
  });

  it('shows a share as unknown when a provider has no coverage, and counts the field apart from typed', () => {
    const { catalogue, matter } = small({ licence: 0.9 });
    const forecast = forecastMatter(matter, catalogue);
    expect(forecast.fields['/applicant/name']).to.deep.equal({
      share: null,
      providers: ['licence:resident-id-card', 'source:mps-population'],
    });
    expect(forecast.fields['/applicant/idNumber']?.share).to.equal(0.9);
    expect(forecast).to.include({ typed: 0, unknown: 1 });
  });

  it('counts every required field no provider fills as typed, and leaves branch fields out', () => {
    const { catalogue, matter } = small({ licence: 0.9, source: 0.5 }, (m) => {
      m.schema.properties.phone = { type: 'string', title: '联系电话' };
      m.schema.required.push('phone');
      m.schema.then.required = ['landlord'];
      m.schema.properties.applicant.properties.name['x-fill'] = false;
      m.layout.steps[0].fields.push('/phone');
    });
    const forecast = forecastMatter(matter, catalogue);
    expect(forecast.fields).to.not.have.property('/applicant/name');
    expect(forecast).to.include({ typed: 2, unknown: 0 });
  });

  it('never counts the archive: a first-time applicant has none', () => {
    const { catalogue, matter } = small({ licence: 1, source: 1 });
    for (const field of Object.values(forecastMatter(matter, catalogue).fields)) {
      expect(field.providers).to.not.include('archive');
    }
  });

  it('uses the providers the form asks, in its order, for every sample matter', async () => {
    const { catalogue } = await loadCatalogueFrom(folder);
    for (const matter of catalogue.matters) {
      const kind = matter.audience?.[0] === 'organization' ? 'organization' : 'person';
      const plan = planMatter(matter, catalogue, kind);
      const expected = Object.fromEntries(
        plan.fields
          .map((f) => [f.pointer, f.providers.filter((p) => p !== 'archive')] as const)
          .filter(([, providers]) => providers.length > 0),
      );
      const forecast = forecastMatter(matter, catalogue);
      expect(
        Object.fromEntries(Object.entries(forecast.fields).map(([pointer, f]) => [pointer, f.providers])),
        matter.id,
      ).to.deep.equal(expected);
      for (const field of Object.values(forecast.fields)) {
        expect(field.share === null || (field.share >= 0 && field.share <= 1), matter.id).to.equal(true);
      }
      expect(forecast.typed, matter.id).to.be.at.least(0);
    }
  });

  it('forecasts a residence permit from the sample coverages', async () => {
    const { catalogue } = await loadCatalogueFrom(folder);
    const matter = catalogue.matters.find((m) => m.id === 'residence-permit') as Matter;
    const forecast = forecastMatter(matter, catalogue);
    // Resident ID card 0.95, ministry population records 0.99.
    expect(forecast.fields['/applicant/gender']).to.deep.equal({
      share: 0.9995,
      providers: ['licence:resident-id-card', 'source:mps-population'],
    });
    expect(forecast.fields['/applicant/mobile']).to.deep.equal({
      share: 0.75,
      providers: ['source:cs-citizen-account'],
    });
    expect(forecast).to.deep.include({ typed: 1.58, unknown: 0 });
  });

  it('forecasts the kind of applicant that types more when a matter serves people and organizations', () => {
    const both = (audience: string[]) =>
      small({ licence: 0.9, source: 0.5 }, (m) => {
        m.audience = audience;
      });
    const person = both(['person']);
    const either = both(['organization', 'person']);
    const organization = both(['organization']);
    const typed = (c: { catalogue: Catalogue; matter: Matter }) => forecastMatter(c.matter, c.catalogue).typed;
    // The licence and the source serve people only: an organization types the name itself.
    expect(typed(person)).to.equal(0.05);
    expect(typed(organization)).to.equal(1);
    expect(typed(either)).to.equal(1);
  });
});
