// The sample catalogue as a browser loads it: fetched file by file, checked in Chromium.
import { expect } from 'chai';
import { checkFixtures, compileSchema, loadCatalogue, loadCatalogueFiles, type CatalogueFile } from '@matterform/core';

const BASE = '/schemas/catalogue/';

async function file(name: string): Promise<CatalogueFile> {
  const response = await fetch(BASE + name);
  expect(response.status, name).to.equal(200);
  return { file: `schemas/catalogue/${name}`, text: await response.text() };
}

async function sampleFiles() {
  const names = (await (await fetch('/__sample-matters')).json()) as string[];
  return {
    concepts: await file('concepts.json'),
    sources: await file('sources.json'),
    licences: await file('licences.json'),
    matters: await Promise.all(names.map((name) => file(`matters/${name}`))),
  };
}

describe('the sample catalogue, in the browser', () => {
  it('loads from its files with no errors and no warnings', async () => {
    const load = loadCatalogueFiles(await sampleFiles());
    expect(load.problems.map((p) => `${p.file}: ${p.pointer}: ${p.message.en}`)).to.deep.equal([]);
    expect(load.catalogue.matters.length).to.be.at.least(12);
    expect(new Set(load.catalogue.matters.map((m) => m.department)).size).to.be.at.least(6);
    expect(load.catalogue.concepts.length).to.be.at.least(40);
    expect(load.catalogue.sources.length).to.be.at.least(10);
    expect(load.catalogue.licences.length).to.be.at.least(10);
  });

  it('loads as one catalogue object too, and every matter schema compiles', async () => {
    const files = await sampleFiles();
    const object = {
      concepts: JSON.parse(files.concepts.text),
      sources: JSON.parse(files.sources.text),
      licences: JSON.parse(files.licences.text),
      matters: files.matters.map((m) => JSON.parse(m.text)),
    };
    const load = loadCatalogue(object);
    expect(load.problems).to.deep.equal([]);
    for (const matter of load.catalogue.matters) {
      const result = compileSchema(matter.schema)({});
      // An empty application is never complete: every matter asks for something.
      expect(result.valid, matter.id).to.equal(false);
      expect(result.errors[0]?.message['zh-CN'], matter.id).to.match(/[\u4e00-\u9fff]/);
    }
  });

  it('has synthetic fixtures whose identifiers pass their checksums', async () => {
    const load = loadCatalogueFiles(await sampleFiles());
    const fixtures = JSON.parse((await file('fixtures.json')).text);
    const check = checkFixtures(fixtures, load.catalogue);
    expect(check.problems).to.deep.equal([]);
    const kinds = check.fixtures?.subjects.map((s) => s.subject.kind) ?? [];
    expect(kinds.filter((k) => k === 'person').length).to.be.at.least(5);
    expect(kinds.filter((k) => k === 'organization').length).to.be.at.least(2);
  });
});
