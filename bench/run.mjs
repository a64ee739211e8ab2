// `npm run bench`: prints the figures; nothing here asserts a time. Figures depend on the
// machine: compare runs on one machine, not across machines. `npm run bench -- --only NAME`
// (prefill, bundles, validators, render, designer, catalogue, limits) runs one part alone.
import os from 'node:os';
import { httpConnector } from '@matterform/core';
import { startGateway } from 'matterform/gateway';
import { benchCatalogue, benchPrefill, stats } from './prefill.mjs';
import { printBundles } from './bundles.mjs';
import { renderBench } from './render.mjs';
import { printValidators } from './validators.mjs';
import { designerBench } from './designer.mjs';
import { catalogueBench } from './catalogue.mjs';
import { limitsBench } from './limits.mjs';

const PARTS = ['prefill', 'bundles', 'validators', 'render', 'designer', 'catalogue', 'limits'];
const onlyAt = process.argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
const only = onlyAt === -1 ? undefined : (process.argv[onlyAt].split('=')[1] ?? process.argv[onlyAt + 1]);
if (only !== undefined && !PARTS.includes(only)) {
  console.error(`bench: --only takes ${PARTS.join(', ')}, not ${only}`);
  process.exit(2);
}
/** Whether this run includes `part`. */
const runs = (part) => only === undefined || only === part;

const ms = (n) => `${n.toFixed(2)} ms`;

console.log(`matterform benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`);

if (runs('prefill')) await prefillBench();

async function prefillBench() {
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

  console.log(
    'Prefill: the same through the HTTP connector and the mock gateway on 127.0.0.1 (50 ms injected per source)',
  );
  const bench = benchCatalogue();
  const inject = Object.fromEntries(bench.catalogue.sources.map((s) => [s.id, { delayMs: 50 }]));
  const gateway = await startGateway({ catalogue: bench.catalogue, fixtures: stripDelays(bench.fixtures), inject });
  try {
    const remote = await benchPrefill({
      catalogue: bench,
      connectors: (durations) => [
        httpConnector({
          gateway: gateway.url,
          // Times each source's round trip, as the slowest source's share of the total.
          fetch: async (input, init) => {
            const start = performance.now();
            try {
              return await fetch(input, init);
            } finally {
              if (String(input).includes('/sources/')) durations.push(performance.now() - start);
            }
          },
        }),
      ],
      subjectToken: true,
    });
    const remoteOverhead = stats(remote.samples.map((s) => s.overhead));
    const remoteTotal = stats(remote.samples.map((s) => s.total));
    console.log(
      `  prefill, ${remote.samples.length} runs               total median ${ms(remoteTotal.median)}, p95 ${ms(remoteTotal.p95)}`,
    );
    console.log(
      `  overhead over slowest round trip median ${ms(remoteOverhead.median)}, p95 ${ms(remoteOverhead.p95)}, max ${ms(remoteOverhead.max)}\n`,
    );
  } finally {
    await gateway.close();
  }
}

/** The gateway injects the delay itself; the fixtures' own `$delayMs` would add a second one. */
function stripDelays(fixtures) {
  return {
    subjects: fixtures.subjects.map((s) => ({
      ...s,
      sources: Object.fromEntries(Object.entries(s.sources).map(([id, raw]) => [id, { ...raw, $delayMs: undefined }])),
    })),
  };
}

if (runs('bundles')) await printBundles();

if (runs('validators')) await printValidators();

if (runs('render')) {
  await renderBench();
  console.log('');
}

if (runs('designer')) {
  await designerBench();
  console.log('');
}

if (runs('catalogue')) await catalogueBench();
if (runs('limits')) await limitsBench();
