// What every design store does (SPEC §10 "Storage and versions"), written once and run against
// each store over the sample catalogue.
import { expect } from '@open-wc/testing';
import { loadCatalogueFiles, type Catalogue, type Matter } from '@matterform/core';
import { createMatter, DesignStoreError, type DesignStore } from './store.js';

let catalogue: Promise<Catalogue> | undefined;

/** The sample catalogue (schemas/catalogue), loaded once per test file. */
export function sampleCatalogue(): Promise<Catalogue> {
  const file = async (name: string) => ({
    file: name,
    text: await (await fetch(`/schemas/catalogue/${name}`)).text(),
  });
  catalogue ??= (async () => {
    const names = (await (await fetch('/__sample-matters')).json()) as string[];
    return loadCatalogueFiles({
      concepts: await file('concepts.json'),
      sources: await file('sources.json'),
      licences: await file('licences.json'),
      matters: await Promise.all(names.map((name) => file(`matters/${name}`))),
    }).catalogue;
  })();
  return catalogue;
}

async function sample(id: string): Promise<Matter> {
  const found = (await sampleCatalogue()).matters.find((m) => m.id === id);
  if (!found) throw new Error(`no sample matter ${id}`);
  return structuredClone(found);
}

async function refusal(work: Promise<unknown>): Promise<DesignStoreError> {
  try {
    await work;
  } catch (error) {
    expect(error).to.be.instanceOf(DesignStoreError);
    return error as DesignStoreError;
  }
  throw new Error('the store did not refuse');
}

/**
 * The contract. `fresh` gives a store over its own copy of the sample catalogue; `dated`
 * says whether publications carry the given `publishedAt` (a store whose clock the test set).
 */
export function designStoreContract(
  name: string,
  fresh: () => Promise<DesignStore>,
  publishedAt: () => string | undefined,
) {
  describe(`${name}: the design store contract`, () => {
    let store: DesignStore;
    beforeEach(async () => {
      store = await fresh();
    });

    it('lists the catalogue’s matters as live, each with its title and version', async () => {
      const list = await store.list();
      const samples = (await sampleCatalogue()).matters;
      expect(list.map((m) => m.id)).to.deep.equal(samples.map((m) => m.id).sort());
      const permit = list.find((m) => m.id === 'residence-permit');
      expect(permit).to.deep.equal({
        id: 'residence-permit',
        title: { 'zh-CN': '居住证申领', en: 'Residence permit application' },
        state: 'live',
        version: '1.0.0',
      });
      expect(await store.load('residence-permit')).to.deep.equal({
        live: await sample('residence-permit'),
        state: 'live',
      });
    });

    it('keeps a draft beside the live version, and discards it', async () => {
      const live = await sample('residence-permit');
      const draft = { ...live, title: { 'zh-CN': '居住证申请', en: 'Residence permit' } };
      const saved = await store.save(draft);
      expect(saved).to.include({ id: 'residence-permit', state: 'live-with-draft', version: '1.0.0' });
      expect(saved.draftUpdatedAt).to.be.a('string');
      expect(await store.load('residence-permit')).to.deep.equal({ live, draft, state: 'live-with-draft' });
      expect((await store.list()).find((m) => m.id === 'residence-permit')?.state).to.equal('live-with-draft');
      await store.discard('residence-permit');
      expect(await store.load('residence-permit')).to.deep.equal({ live, state: 'live' });
    });

    it('creates a new matter as a copy, publishes it and lists its versions', async () => {
      const draft = await createMatter(store, { id: 'permit-copy', from: 'residence-permit' });
      expect(draft.id).to.equal('permit-copy');
      expect(await store.load('permit-copy')).to.deep.equal({ draft, state: 'draft' });
      const entry = await store.publish(draft, { version: '1.0.0', changelog: 'First publication' });
      expect(entry.version).to.equal('1.0.0');
      expect(entry.changelog).to.equal('First publication');
      const when = publishedAt();
      if (when !== undefined) expect(entry.publishedAt).to.equal(when);
      expect(await store.load('permit-copy')).to.deep.equal({ live: { ...draft, version: '1.0.0' }, state: 'live' });
      expect(await store.versions('permit-copy')).to.deep.equal([entry]);
      expect((await store.list()).find((m) => m.id === 'permit-copy')).to.include({ state: 'live', version: '1.0.0' });

      const again = await refusal(store.publish(draft, { version: '1.0.0', changelog: '' }));
      expect(again.code).to.equal('version-exists');
      const taken = await refusal(createMatter(store, { id: 'permit-copy' }));
      expect(taken.code).to.equal('exists');
    });

    it('refuses to publish what validate rejects, naming the problems, and keeps the draft', async () => {
      const live = await sample('residence-permit');
      const schema = structuredClone(live.schema) as { properties: Record<string, unknown> };
      schema.properties.extra = { type: 'string', 'x-concept': 'no.suchConcept' };
      const broken = { ...live, schema } as Matter;
      await store.save(broken);
      const refused = await refusal(store.publish(broken, { version: '1.1.0', changelog: '' }));
      expect(refused.code).to.equal('invalid-matter');
      expect(refused.problems.map((p) => [p.file, p.pointer])).to.deep.include([
        'matters/residence-permit.json',
        '/schema/properties/extra/x-concept',
      ]);
      expect(refused.message).to.contain('/schema/properties/extra/x-concept');
      expect(await store.load('residence-permit')).to.deep.equal({ live, draft: broken, state: 'live-with-draft' });
    });

    it('refuses ids that are no matter id', async () => {
      for (const id of ['../x', '..', 'A', 'x/y', ''])
        expect((await refusal(store.load(id))).code, id).to.equal('bad-id');
      const matter = { ...(await sample('residence-permit')), id: '../x' };
      expect((await refusal(store.save(matter))).code).to.equal('bad-id');
      expect((await refusal(store.load('no-such-matter'))).code).to.equal('not-found');
    });
  });
}
