// Runs the mock gateway (SPEC §6) beside the test server, on its own loopback port, so browser
// tests call it cross-origin the way a department's page calls its gateway. Tests find it at
// GET /__gateway → { url }. It imports the built gateway: `npm test` builds first.
import { fileURLToPath } from 'node:url';

export function mockGateway() {
  let gateway;
  return {
    name: 'mock-gateway',
    async serverStart() {
      const { startGateway } = await import('../packages/cli/dist/gateway.js');
      const { loadCatalogueFrom, loadFixturesFrom } = await import('../packages/core/dist/node.js');
      const load = await loadCatalogueFrom(fileURLToPath(new URL('../schemas/catalogue', import.meta.url)));
      if (!load.ok) throw new Error('mock-gateway: the sample catalogue does not load');
      const fixtures = await loadFixturesFrom(
        fileURLToPath(new URL('../schemas/catalogue/fixtures.json', import.meta.url)),
        load.catalogue,
      );
      if (!fixtures.fixtures) throw new Error('mock-gateway: the sample fixtures do not load');
      gateway = await startGateway({ catalogue: load.catalogue, fixtures: fixtures.fixtures });
    },
    async serverStop() {
      await gateway?.close();
    },
    serve(context) {
      if (context.path !== '/__gateway' || !gateway) return undefined;
      return { body: JSON.stringify({ url: gateway.url }), type: 'json' };
    },
  };
}
