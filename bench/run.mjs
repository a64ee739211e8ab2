// `npm run bench`: prints the figures; nothing here asserts a time. Figures depend on the
// machine: compare runs on one machine, not across machines.
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { benchPrefill, stats } from './prefill.mjs';

const ms = (n) => `${n.toFixed(2)} ms`;

console.log(`matterform benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`);

console.log('Prefill: 200 fields from 10 sources, each answering after 50 ms (in-process connector)');
const local = await benchPrefill();
const overhead = stats(local.samples.map((s) => s.overhead));
const total = stats(local.samples.map((s) => s.total));
console.log(`  plan (once per matter, cached)   ${ms(local.planMs)}`);
console.log(`  first prefill (compiles checks)  total ${ms(local.cold.total)}, overhead ${ms(local.cold.overhead)}`);
console.log(
  `  prefill, ${local.samples.length} runs               total median ${ms(total.median)}, p95 ${ms(total.p95)}`,
);
console.log(
  `  overhead over slowest source     median ${ms(overhead.median)}, p95 ${ms(overhead.p95)}, max ${ms(overhead.max)}  (target < 5 ms)\n`,
);

console.log('Bundles (gzip -9)');
for (const file of ['dist/matterform.js', 'dist/matterform-designer.js']) {
  try {
    const bytes = await readFile(file);
    const { size } = await stat(file);
    console.log(
      `  ${file.padEnd(30)} ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip (${(size / 1024).toFixed(1)} KB raw)`,
    );
  } catch {
    console.log(`  ${file.padEnd(30)} not built`);
  }
}
