// What `matterform compile` writes for the sample catalogue, gzip -9: each matter's module
// self-contained (`--self-contained`) and as written by default, importing the shared module,
// which a page loads once whatever number of matters it validates.
import { gzipSync } from 'node:zlib';
import { loadCatalogueFrom } from '@matterform/core/node';
import { compileMatters } from 'matterform';

const kb = (text) => `${(gzipSync(text, { level: 9 }).length / 1024).toFixed(1)} KB`;

export async function validatorsBench(dir = 'schemas/catalogue') {
  const { matters } = (await loadCatalogueFrom(dir)).catalogue;
  const whole = await compileMatters(matters, { selfContained: true });
  const [shared, ...split] = await compileMatters(matters);
  console.log(`Compiled validators (matterform compile ${dir}, gzip -9)`);
  console.log(`  ${'matter'.padEnd(46)} ${'--self-contained'.padStart(16)} ${'default'.padStart(9)}`);
  for (const [i, file] of whole.entries())
    console.log(`  ${file.fileName.padEnd(46)} ${kb(file.text).padStart(16)} ${kb(split[i]?.text ?? '').padStart(9)}`);
  console.log(`  ${`${shared.fileName}, once`.padEnd(46)} ${''.padStart(16)} ${kb(shared.text).padStart(9)}`);
}
