// Every sample matter, and every peer schema (another project's JSON-Schema samples, wrapped as
// the smallest matter), opens in <matter-designer> with no error and reads back JSON-equal.
// The peer part is skipped where the test server has no peer schemas.
import { expect, fixture, html } from '@open-wc/testing';
import type { Matter } from '@matterform/core';
import type { MatterDesigner } from './matter-designer.js';
import { sampleCatalogue, settled } from './designer.test-helpers.js';

const PEERS = '/__peer-schemas/';

async function peerCases(): Promise<{ name: string; file: string }[] | undefined> {
  const response = await fetch(`${PEERS}index.json`);
  if (!response.ok) return undefined;
  return ((await response.json()) as { cases: { name: string; file: string }[] }).cases;
}

const peers = await peerCases();

/** Opens `matter` and gives what reading `.matter` returns, with any error the page saw while it rendered. */
async function roundTrip(matter: Matter): Promise<{ back: unknown; errors: string[] }> {
  const { catalogue } = await sampleCatalogue();
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(String(event.message));
  window.addEventListener('error', onError);
  try {
    const el = await fixture<MatterDesigner>(
      html`<matter-designer .catalogue=${catalogue} .matter=${matter}></matter-designer>`,
    );
    await settled(el);
    expect(el.shadowRoot?.querySelector('[part~="columns"]'), 'the designer opened').to.exist;
    return { back: el.matter, errors };
  } finally {
    window.removeEventListener('error', onError);
  }
}

describe('<matter-designer> round trip', () => {
  it('opens every sample matter and gives it back unchanged, key for key', async function () {
    this.timeout(120000);
    const { texts } = await sampleCatalogue();
    expect(texts.size).to.be.at.least(12);
    for (const [id, text] of texts) {
      const { back, errors } = await roundTrip(JSON.parse(text) as Matter);
      expect(errors, id).to.deep.equal([]);
      expect(JSON.stringify(back), id).to.equal(JSON.stringify(JSON.parse(text)));
    }
  });

  if (!peers) {
    it('skipped: no peer schemas at /__peer-schemas/', function () {
      this.skip();
    });
    return;
  }

  it(`opens every peer schema (${peers.length}) wrapped as a matter and gives it back JSON-equal`, async function () {
    this.timeout(240000);
    for (const peer of peers) {
      const file = (await (await fetch(PEERS + peer.file)).json()) as { schema: Record<string, unknown> };
      const title = typeof file.schema.title === 'string' ? file.schema.title : peer.name;
      const matter = {
        id: `peer-${peer.name}`,
        version: '1.0.0',
        title,
        authority: 'react-jsonschema-form playground',
        schema: file.schema,
      } as unknown as Matter;
      const text = JSON.stringify(matter);
      const { back, errors } = await roundTrip(matter);
      expect(errors, peer.name).to.deep.equal([]);
      expect(JSON.stringify(back), peer.name).to.equal(text);
    }
  });
});
