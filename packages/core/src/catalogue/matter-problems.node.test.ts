// The designer's problems list must say what `validate` says once the document is saved.
import { join } from 'node:path';
import { expect } from 'chai';
import { loadCatalogueFiles, type CatalogueFiles } from './catalogue.js';
import { sampleCatalogueFiles } from './sample-files.test-helpers.js';
import { matterProblems } from './matter-problems.js';
import type { Catalogue, Matter } from '../generated/catalogue.js';

const folder = 'schemas/catalogue';

const matterFile = (id: string) => join(folder, 'matters', `${id}.json`);

/** The loader's verdict on the sample folder with `id`'s file holding `document` instead. */
function loaderSays(files: CatalogueFiles, id: string, document: unknown) {
  const matters = files.matters.map((entry) =>
    entry.file === matterFile(id) ? { file: entry.file, text: JSON.stringify(document, null, 2) } : entry,
  );
  return loadCatalogueFiles({ ...files, matters }).problems.filter((p) => p.file === matterFile(id));
}

function sampleMatter(catalogue: Catalogue, id: string): Matter & Record<string, unknown> {
  return structuredClone(catalogue.matters.find((m) => m.id === id)) as Matter & Record<string, unknown>;
}

describe('matterProblems', () => {
  let files: CatalogueFiles;
  let catalogue: Catalogue;
  before(async () => {
    files = await sampleCatalogueFiles();
    catalogue = loadCatalogueFiles(files).catalogue;
  });

  it('says for every sample matter exactly what the loader says about its file', () => {
    const load = loadCatalogueFiles(files);
    expect(catalogue.matters).to.have.length(13);
    for (const matter of catalogue.matters) {
      const file = matterFile(matter.id);
      expect(matterProblems(matter, catalogue, { file }), matter.id).to.deep.equal(
        load.problems.filter((p) => p.file === file),
      );
    }
  });

  it('agrees with the loader on broken documents, error for error and warning for warning', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const breakages: Record<string, (m: Record<string, any>) => void> = {
      'no title': (m) => delete m.title,
      'an unknown concept': (m) => (m.schema.properties.applicant.properties.name['x-concept'] = 'person.nickname'),
      'a layout pointer that misses': (m) => m.layout.steps[0].fields.push('/nowhere'),
      'an output placeholder that misses': (m) => m.outputs.push({ system: 'x', template: { A: '{/nowhere}' } }),
      'a material titled unlike an earlier matter': (m) => (m.materials[0].title = '身份证复印件'),
      'missing attributes': (m) => {
        delete m.contact;
        delete m.fee;
      },
      'an unknown property': (m) => (m.colour = 'green'),
      'an unknown licence type': (m) => m.materials[0].licences.push('passport'),
    };
    for (const [what, breakIt] of Object.entries(breakages)) {
      const matter = sampleMatter(catalogue, 'residence-permit');
      breakIt(matter);
      const mine = matterProblems(matter, catalogue, { file: matterFile('residence-permit') });
      expect(mine, what).to.not.deep.equal([]);
      expect(mine, what).to.deep.equal(loaderSays(files, 'residence-permit', matter));
    }
  });

  it('points into the matter document', () => {
    const { title, ...untitled } = sampleMatter(catalogue, 'residence-permit');
    expect(title).to.exist;
    expect(matterProblems(untitled, catalogue).map((p) => [p.severity, p.pointer])).to.deep.equal([
      ['error', '/title'],
    ]);

    const unknown = sampleMatter(catalogue, 'residence-permit');
    (unknown.schema as any).properties.applicant.properties.mobile['x-concept'] = 'person.pager'; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(matterProblems(unknown, catalogue)).to.deep.include({
      severity: 'error',
      code: 'unknown-concept',
      file: 'matters/residence-permit.json',
      pointer: '/schema/properties/applicant/properties/mobile/x-concept',
      message: { 'zh-CN': '未知数据元“person.pager”', en: 'unknown concept "person.pager"' },
    });

    const missing = sampleMatter(catalogue, 'residence-permit');
    missing.layout?.steps?.[1]?.fields.push('/residence/floor');
    const misses = matterProblems(missing, catalogue).filter((p) => p.code === 'pointer-misses');
    expect(misses.map((p) => p.pointer)).to.deep.equal(['/layout/steps/1/fields/4']);
  });

  it('checks a new matter as if added to the catalogue, and warns when its file is not named for its id', () => {
    const copy = sampleMatter(catalogue, 'residence-permit');
    copy.id = 'residence-permit-renewal';
    expect(matterProblems(copy, catalogue)).to.deep.equal([]);
    const misnamed = matterProblems(copy, catalogue, { file: 'matters/residence-permit.json' });
    expect(misnamed.map((p) => [p.severity, p.code, p.pointer])).to.deep.equal([['warning', 'file-name', '/id']]);
  });

  it('reports a value that is no JSON document instead of throwing', () => {
    const looped: Record<string, unknown> = { id: 'looped' };
    looped.self = looped;
    expect(matterProblems(looped, catalogue).map((p) => p.code)).to.deep.equal(['document-cycle']);
    expect(matterProblems('not a matter', catalogue).map((p) => p.severity)).to.include('error');
  });
});
