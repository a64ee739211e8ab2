import { expect } from '@open-wc/testing';
import { createDesignStore } from './indexeddb-store.js';
import { httpDesignStore } from './http-store.js';
import { createMatter } from './store.js';
import { designStoreContract, sampleCatalogue } from './store-contract.test-helpers.js';

const NOW = new Date('2026-03-04T05:06:07.000Z');
let databases = 0;

/** A database of its own for each test: nothing one test keeps is seen by another. */
function databaseName(): string {
  return `matterform-designer-test-${Date.now().toString(36)}-${databases++}`;
}

designStoreContract(
  'createDesignStore (IndexedDB)',
  async () => createDesignStore({ name: databaseName(), now: () => NOW, catalogue: await sampleCatalogue() }),
  () => NOW.toISOString(),
);

interface DesignServer {
  url: string;
  dir: string;
  store: string;
}

async function designServer(): Promise<DesignServer> {
  return (await (await fetch('/__design-server/new', { method: 'POST' })).json()) as DesignServer;
}

designStoreContract(
  'httpDesignStore (matterform design)',
  async () => httpDesignStore({ base: (await designServer()).store }),
  () => undefined,
);

describe('createDesignStore', () => {
  it('keeps designs in IndexedDB: another store on the same database sees them', async () => {
    const name = databaseName();
    const catalogue = await sampleCatalogue();
    const first = createDesignStore({ name, now: () => NOW, catalogue });
    const draft = await createMatter(first, { id: 'new-matter', title: { 'zh-CN': '新的事项', en: 'A new matter' } });
    await first.close();
    const second = createDesignStore({ name, catalogue });
    expect(await second.load('new-matter')).to.deep.equal({ draft, state: 'draft' });
    expect((await second.list()).find((m) => m.id === 'new-matter')).to.deep.equal({
      id: 'new-matter',
      title: { 'zh-CN': '新的事项', en: 'A new matter' },
      state: 'draft',
      version: '0.1.0',
      draftUpdatedAt: NOW.toISOString(),
    });
    await second.discard('new-matter');
    expect((await second.list()).some((m) => m.id === 'new-matter')).to.equal(false);
    await second.close();
  });

  it('lists the catalogue’s own version of a matter, then what was published here', async () => {
    const store = createDesignStore({ name: databaseName(), now: () => NOW, catalogue: await sampleCatalogue() });
    const { live } = await store.load('residence-permit');
    const title = { 'zh-CN': '居住证申请', en: 'Residence permit' };
    await store.publish({ ...live!, title }, { version: '1.0.1', changelog: 'Title' });
    expect(await store.versions('residence-permit')).to.deep.equal([
      { version: '1.0.0', publishedAt: null, changelog: '' },
      { version: '1.0.1', publishedAt: NOW.toISOString(), changelog: 'Title' },
    ]);
    // The catalogue given is not changed: the copy is the store's.
    expect((await sampleCatalogue()).matters.find((m) => m.id === 'residence-permit')?.version).to.equal('1.0.0');
    await store.close();
  });
});

describe('httpDesignStore', () => {
  it('publishes into the folder so that matterform validate and report agree', async () => {
    const server = await designServer();
    const store = httpDesignStore({ base: server.store });
    const draft = await createMatter(store, { id: 'permit-copy', from: 'residence-permit' });
    await store.publish(draft, { version: '1.0.0', changelog: 'First publication' });
    const check = (await (await fetch(`/__design-server/check?dir=${encodeURIComponent(server.dir)}`)).json()) as {
      validate: { exit: number; stdout: string };
      report: { matters: { id: string; colour: string }[] };
    };
    expect(check.validate.exit).to.equal(0);
    expect(check.validate.stdout).to.match(/14 matters/);
    const rated = check.report.matters.find((m) => m.id === 'permit-copy');
    const original = check.report.matters.find((m) => m.id === 'residence-permit');
    expect(rated?.colour).to.equal(original?.colour);
  });

  it('says when the server cannot be reached', async () => {
    const store = httpDesignStore({ base: 'http://127.0.0.1:9/store/' });
    try {
      await store.list();
      expect.fail('the store answered');
    } catch (error) {
      expect((error as { code?: string }).code).to.equal('failed');
    }
  });
});
