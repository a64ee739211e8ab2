// "What connecting X changes" (core's connectionImpacts) against the real `matterform report`
// run on the catalogue before and after X is connected in its files.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { connectionImpacts, pendingProviders, type ColourReport, type ProviderRef } from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';
import { matterform, sampleCatalogue } from './cli.test-helpers.js';
import type { ReportEntry } from './report.js';

type Report = Omit<ColourReport, 'matters'> & { matters: ReportEntry[] };

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'matterform-impact-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function report(dir: string): Promise<Report> {
  const result = await matterform('report', dir, '--format', 'json');
  expect(result.code, result.stderr).to.equal(0);
  return JSON.parse(result.stdout) as Report;
}

/** A copy of the sample catalogue whose files have `provider` connected (a source) or kept current (a licence type). */
async function connectedCopy(provider: ProviderRef): Promise<string> {
  const dir = join(work, provider.replace(':', '-'));
  await cp(sampleCatalogue, dir, { recursive: true });
  const [kind, id] = provider.split(':') as ['source' | 'licence', string];
  const file = join(dir, kind === 'source' ? 'sources.json' : 'licences.json');
  const entries = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
  const entry = entries.find((e) => e.id === id) as Record<string, unknown>;
  entry[kind === 'source' ? 'connected' : 'fresh'] = true;
  await writeFile(file, JSON.stringify(entries, null, 2));
  return dir;
}

const typedSum = (r: Report) => r.matters.reduce((sum, m) => sum + m.forecast.typed, 0);

describe('what connecting a provider changes', () => {
  it('names, for every unconnected source and stale licence type, the colour changes and typed fields report shows after connecting it', async () => {
    const loaded = await loadCatalogueFrom(sampleCatalogue);
    expect(loaded.errors, 'the sample catalogue loads').to.deep.equal([]);
    const catalogue = loaded.catalogue;
    const pending = pendingProviders(catalogue);
    expect(pending).to.include.members([
      'source:mca-marriage',
      'source:hn-driver-medical',
      'source:cs-residence-registry',
      'licence:marriage-certificate',
    ]);
    const before = await report(sampleCatalogue);
    const impacts = connectionImpacts(catalogue);
    expect(impacts.map((i) => i.provider)).to.have.members(pending);

    let changedSome = false;
    for (const impact of impacts) {
      const after = await report(await connectedCopy(impact.provider));
      const changes = after.matters.flatMap((m, i) => {
        const was = before.matters[i] as ReportEntry;
        return was.colour === m.colour ? [] : [{ id: m.id, department: m.department, from: was.colour, to: m.colour }];
      });
      expect(impact.changes, impact.provider).to.deep.equal(changes);
      expect(impact.totals, impact.provider).to.deep.equal(after.totals);
      expect(impact.typedRemoved, impact.provider).to.be.closeTo(typedSum(before) - typedSum(after), 0.005);
      // A matter that does not use the provider reads the same in both reports.
      for (const [i, m] of after.matters.entries()) {
        if (!impact.matters.includes(m.id)) expect(m, `${impact.provider} ${m.id}`).to.deep.equal(before.matters[i]);
      }
      if (changes.length > 0) changedSome = true;
    }
    expect(changedSome, 'some connection changes a colour in the sample').to.equal(true);
    // Most useful first: the first provider changes at least as many colours as any other.
    const most = Math.max(...impacts.map((i) => i.changes.length));
    expect(impacts[0]?.changes.length).to.equal(most);
  });

  it('counts the required fields no longer typed: connecting the residence registry spares the flexible-employment applicant one', async () => {
    const loaded = await loadCatalogueFrom(sampleCatalogue);
    const impact = connectionImpacts(loaded.catalogue).find((i) => i.provider === 'source:cs-residence-registry');
    expect(impact).to.include({ manualFieldsRemoved: 1 });
    expect(impact?.changes).to.deep.equal([
      {
        id: 'flexible-employment-insurance',
        department: 'human-resources-social-security',
        from: 'orange',
        to: 'green',
      },
    ]);
  });
});
