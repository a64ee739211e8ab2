// Limits benchmark (issue 17): how long the loader takes over one matter of N fields added to
// the sample catalogue (CPU time, median of 3 after one untimed run) — within LIMITS it should
// grow in proportion to N; past them (10k, 20k, 50k fields, an enum of 100,000 options) the
// matter is refused in the time its counting takes. Before the limits, 10k/20k/50k fields took
// 2.9 s / 7.2 s / 27 s to validate. `node bench/limits.mjs` (after `npm run build`); it prints
// figures and asserts nothing.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogueFiles } from '@matterform/core';

const FOLDER = fileURLToPath(new URL('../schemas/catalogue/', import.meta.url));

async function sampleFiles() {
  const read = async (file) => ({ file, text: await readFile(join(FOLDER, file), 'utf8') });
  const names = (await readdir(join(FOLDER, 'matters'))).filter((n) => n.endsWith('.json')).sort();
  const permit = JSON.parse(await readFile(join(FOLDER, 'matters', 'residence-permit.json'), 'utf8'));
  delete permit.layout;
  delete permit.outputs;
  delete permit.materials;
  return {
    files: {
      concepts: await read('concepts.json'),
      sources: await read('sources.json'),
      licences: await read('licences.json'),
      matters: await Promise.all(names.map((n) => read(join('matters', n)))),
    },
    permit,
  };
}

const cpuMs = (fn) => {
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
};

export async function limitsBench() {
  const { files, permit } = await sampleFiles();
  const matterText = (schema) => JSON.stringify({ ...permit, id: 'huge', schema });
  const withFields = (n) =>
    matterText({
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`f${i}`, { type: 'string', title: `F ${i}` }]),
      ),
    });
  const time = (text) => {
    const load = (matters) => loadCatalogueFiles({ ...files, matters });
    load([...files.matters]);
    const samples = [];
    let errors = [];
    for (let i = 0; i < 3; i++) {
      const base = cpuMs(() => load([...files.matters])).ms;
      const run = cpuMs(() => load([...files.matters, { file: 'matters/huge.json', text }]));
      samples.push(run.ms - base);
      errors = run.result.errors;
    }
    samples.sort((a, b) => a - b);
    return { ms: samples[1], error: errors[0]?.message.en };
  };
  console.log(
    'Limits: one matter added to the sample catalogue, loaded and checked as `validate` does (CPU ms over the sample alone, median of 3)',
  );
  for (const n of [1_000, 2_500, 5_000, 10_000, 20_000, 50_000]) {
    const text = withFields(n);
    const { ms, error } = time(text);
    console.log(
      `  ${String(n).padStart(6)} fields ${`(${Math.round(text.length / 1024)} KiB)`.padEnd(11)} ${ms.toFixed(0).padStart(6)} ms  ${((ms / n) * 1000).toFixed(0).padStart(5)} µs/field  ${error ?? 'loaded'}`,
    );
  }
  const enumText = matterText({
    type: 'object',
    properties: { pick: { type: 'string', enum: Array.from({ length: 100_000 }, (_, i) => `o${i}`) } },
  });
  const { ms, error } = time(enumText);
  console.log(`  enum of 100,000 options            ${ms.toFixed(0).padStart(6)} ms  ${error}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await limitsBench();
