// Runs the mock gateway (SPEC §6) beside the test server, on its own loopback port, so browser
// tests call it cross-origin the way a department's page calls its gateway. Tests find it at
// GET /__gateway → { url, engine }: `url` serves the sample catalogue, `engine` the engine test
// catalogue (test/fixtures/engine). It imports the built gateway: `npm test` builds first.
import { fileURLToPath } from 'node:url';

async function start(catalogueFile, fixturesFile) {
  const { startGateway } = await import('../packages/cli/dist/gateway.js');
  const { loadCatalogueFrom, loadFixturesFrom } = await import('../packages/core/dist/node.js');
  const load = await loadCatalogueFrom(fileURLToPath(new URL(catalogueFile, import.meta.url)));
  if (!load.ok) throw new Error(`mock-gateway: ${catalogueFile} does not load`);
  const fixtures = await loadFixturesFrom(fileURLToPath(new URL(fixturesFile, import.meta.url)), load.catalogue);
  if (!fixtures.fixtures) throw new Error(`mock-gateway: ${fixturesFile} does not load`);
  return startGateway({ catalogue: load.catalogue, fixtures: fixtures.fixtures });
}

export function mockGateway() {
  let gateway;
  let engine;
  return {
    name: 'mock-gateway',
    async serverStart() {
      gateway = await start('../schemas/catalogue', '../schemas/catalogue/fixtures.json');
      engine = await start('fixtures/engine/catalogue.json', 'fixtures/engine/fixtures.json');
    },
    async serverStop() {
      await Promise.all([gateway?.close(), engine?.close()]);
    },
    serve(context) {
      if (context.path !== '/__gateway' || !gateway) return undefined;
      return { body: JSON.stringify({ url: gateway.url, engine: engine.url }), type: 'json' };
    },
  };
}
