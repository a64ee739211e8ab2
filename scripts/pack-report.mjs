// `npm run pack:report`: what each published package weighs as npm would pack it now — files,
// the tarball (gzip, what an install downloads) and unpacked (what lands in node_modules) —
// as a Markdown table for release notes. Needs `npm run build`; writes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
// A child npm without the settings an outer `npm run` passes down (prefix, workspace).
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

const { workspaces } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const rows = [];
const waiting = [];
for (const folder of workspaces) {
  const manifest = JSON.parse(readFileSync(join(repo, folder, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  if (!existsSync(join(repo, folder, 'dist'))) {
    waiting.push(`${manifest.name} (${folder} has no dist: run npm run build)`);
    continue;
  }
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '-w', folder], {
    cwd: repo,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [packed] = JSON.parse(out);
  const weigh = (test) => packed.files.filter((f) => test(f.path)).reduce((sum, f) => sum + f.size, 0);
  rows.push({
    name: packed.name,
    version: packed.version,
    files: packed.entryCount,
    size: packed.size,
    unpacked: packed.unpackedSize,
    js: weigh((p) => p.startsWith('dist/') && p.endsWith('.js')),
    maps: weigh((p) => p.endsWith('.map')),
    sources: weigh((p) => p.startsWith('src/')),
  });
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const line = (cells) => `| ${cells.join(' | ')} |`;
console.log(line(['package', 'version', 'files', 'packed (tgz)', 'unpacked', 'dist .js', 'maps', 'src']));
console.log(line(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']));
for (const r of rows)
  console.log(line([r.name, r.version, r.files, kib(r.size), kib(r.unpacked), kib(r.js), kib(r.maps), kib(r.sources)]));
const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
console.log(
  line([
    '**all**',
    '',
    total('files'),
    kib(total('size')),
    kib(total('unpacked')),
    kib(total('js')),
    kib(total('maps')),
    kib(total('sources')),
  ]),
);
for (const name of waiting) console.log(`\nnot packed: ${name}`);
