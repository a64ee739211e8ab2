// The peers benchmark's pages (bench/peers) stay comparable: each library's page builds and
// draws the 50-field form with the same controls, each labelled (but for JSON Forms' known
// radio defect, bench/peers/README.md), a keystroke reaches the library's model and a submit
// shows the last field's error. bench/peers is not a workspace: without its node_modules
// (`npm ci --prefix bench/peers`, which `npm run bench:peers` runs) this skips.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { repo } from '../scripts/demo-browser.mjs';

const installed = existsSync(join(repo, 'bench/peers/node_modules/esbuild'));

// The reason is in the title, so a reporter listing the pending test shows it.
const title = installed
  ? 'peers benchmark pages'
  : 'peers benchmark pages (skipped: bench/peers is not installed; npm ci --prefix bench/peers)';

describe(title, function () {
  this.timeout(180000);

  before(function () {
    if (!installed) this.skip();
  });

  it('each library draws the 50-field form with the same labelled controls, types and validates', async () => {
    const { checkPages, NAMES } = await import('../bench/peers/run.mjs');
    const { controlsFor, labelledFor } = await import('../bench/peers/forms.mjs');
    const { found, problems } = await checkPages({ fields: 50 });
    expect(problems).to.deep.equal([]);
    expect(Object.keys(found)).to.have.members(Object.keys(NAMES));
    for (const [library, controls] of Object.entries(found)) {
      expect(controls.total, `${library}'s controls`).to.equal(controlsFor(50));
      expect(controls.labelled, `${library}'s labelled controls`).to.equal(labelledFor(library, 50));
    }
  });
});
