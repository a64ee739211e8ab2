import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { loadCatalogueFrom } from './node.js';
import { expectProblem, sample } from './catalogue/sample-catalogue.test-helpers.js';

describe('loadCatalogueFrom (Node)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'matterform-catalogue-'));
    const c = sample();
    await writeFile(join(dir, 'concepts.json'), JSON.stringify(c.concepts));
    await writeFile(join(dir, 'sources.json'), JSON.stringify(c.sources));
    await writeFile(join(dir, 'licences.json'), JSON.stringify(c.licences));
    await mkdir(join(dir, 'matters'));
    for (const matter of c.matters)
      await writeFile(join(dir, 'matters', `${String(matter.id)}.json`), JSON.stringify(matter));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads exactly the catalogue files of a folder, ignoring the rest', async () => {
    await writeFile(join(dir, 'README.md'), '# not JSON');
    await writeFile(join(dir, 'matters', 'notes.txt'), 'not JSON either');
    await mkdir(join(dir, 'matters', 'drafts'));
    await writeFile(join(dir, 'matters', 'drafts', 'broken.json'), '{');
    const load = await loadCatalogueFrom(dir);
    expect(load.problems).to.deep.equal([]);
    expect(load.catalogue.matters.map((m) => m.id)).to.deep.equal(['residence-permit']);
  });

  it('keeps matters in file-name order', async () => {
    const second = { ...sample().matters[0], id: 'a-first-by-name' };
    await writeFile(join(dir, 'matters', 'a-first-by-name.json'), JSON.stringify(second));
    const load = await loadCatalogueFrom(dir);
    expect(load.catalogue.matters.map((m) => m.id)).to.deep.equal(['a-first-by-name', 'residence-permit']);
  });

  it('reads one catalogue JSON file as well', async () => {
    const file = join(dir, 'catalogue.json');
    await writeFile(file, JSON.stringify(sample()));
    const load = await loadCatalogueFrom(file);
    expect(load.problems).to.deep.equal([]);
    expect(load.catalogue.concepts).to.have.length(3);
  });

  it('refuses a 10 MB file by its size, naming it', async () => {
    const file = join(dir, 'sources.json');
    await truncate(file, 10 * 1024 * 1024);
    const load = await loadCatalogueFrom(dir);
    expect(load.ok).to.equal(false);
    expectProblem(load, { code: 'document-too-large', file, pointer: '' });
    // Reported once, as too large, not also as missing.
    expect(load.errors.filter((p) => p.file === file)).to.have.length(1);
  });

  it('names a missing list file and a folder that does not exist', async () => {
    await rm(join(dir, 'licences.json'));
    expectProblem(await loadCatalogueFrom(dir), { code: 'missing-file', file: join(dir, 'licences.json') });
    expectProblem(await loadCatalogueFrom(join(dir, 'nowhere')), { code: 'not-found', file: join(dir, 'nowhere') });
  });
});
