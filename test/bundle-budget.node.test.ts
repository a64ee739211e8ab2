// SPEC §9's ceilings for what a page loads first: the entry of dist/matterform.js at most
// 60 KiB gzip -9 (aiming at 35), dist/matterform-designer.js's at most 150 KiB. The form's
// entry is held to the aim, 35 KiB, which the first-visit split reached (34.5 KiB): a module
// pulled back into the entry fails here, not on a phone. Sizes, not times: the same build gives the same
// bytes on any machine (`npm run bench` prints them beside the timings and the entry's modules).
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BUDGETS = [
  { file: 'dist/matterform.js', bytes: 35 * 1024 },
  { file: 'dist/matterform-designer.js', bytes: 150 * 1024 },
];

describe('bundle budgets (SPEC §9)', () => {
  for (const { file, bytes } of BUDGETS)
    it(`${file} is at most ${bytes / 1024} KiB gzip -9`, async () => {
      const gzipped = gzipSync(await readFile(new URL(`../${file}`, import.meta.url)), { level: 9 }).length;
      expect(gzipped, `${file}: ${gzipped} bytes gzip -9`).to.be.at.most(bytes);
    });
});
