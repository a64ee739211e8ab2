// The bundles part of `npm run bench` (bench/bundles.mjs) reports what the build holds: every
// chunk in dist/chunks, each chunk the entry can load found there, the entry's modules adding
// up to its bytes. Chunk names are found, never written here: the entry's split changes.
import { readdir, readFile } from 'node:fs/promises';
import { expect } from 'chai';
import { bundleReport, chunkFiles } from '../bench/bundles.mjs';

describe('bench bundles report', () => {
  it('lists every chunk of dist/chunks, and every chunk the entry can load is among them', async () => {
    const built = (await readdir(new URL('../dist/chunks/', import.meta.url))).filter((name) => name.endsWith('.js'));
    const report = await bundleReport();
    expect(report.entry, 'dist/matterform.js built').to.not.equal(undefined);
    expect(report.chunks.map((chunk) => chunk.file)).to.have.members(built.map((name) => `dist/chunks/${name}`));
    expect(report.missing).to.deep.equal([]);
    expect(report.chunks.filter((chunk) => chunk.loaded === 'unreached').map((chunk) => chunk.file)).to.deep.equal([]);
    expect(await chunkFiles()).to.have.length(built.length);
  });

  it("gives the entry's bytes to its source modules", async () => {
    const { modules } = await bundleReport();
    const entry = await readFile(new URL('../dist/matterform.js', import.meta.url), 'utf8');
    const total = modules.reduce((sum, [, bytes]) => sum + bytes, 0);
    expect(modules.some(([module]) => module.startsWith('packages/elements/'))).to.equal(true);
    expect(total).to.be.within(0.9 * entry.length, entry.length);
  });
});
