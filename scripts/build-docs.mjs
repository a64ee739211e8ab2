#!/usr/bin/env node
// The documentation site: static HTML in docs/site/ (or --out DIR) that any static file server
// can host — no server-side code, no request outside the site. The hand-written pages are
// docs/*.md; the element API (from the custom-elements.json manifests), the CLI reference
// (from `matterform --help`) and the catalogue format (from the meta-schemas) are generated,
// so they cannot drift from the code. The live examples load the built bundles, copied in.
//
//   npm run docs                                   # build everything, then the site
//   node scripts/build-docs.mjs [--out DIR]        # the site alone, on an existing build
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { catalogueFormatBody } from './docs/catalogue-format.mjs';
import { cliReferenceBody } from './docs/cli-reference.mjs';
import { elementsApiBody, readManifests } from './docs/elements-api.mjs';
import { page } from './docs/layout.mjs';
import { demoPage, designerPage, playgroundPage } from './docs/live.mjs';
import { renderMarkdown } from './docs/markdown.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string', default: join(repo, 'docs', 'site') } } });
const out = resolve(values.out);
// Written into every site built, so a rebuild only ever empties a folder this script made.
const MARKER = '.matterform-docs';

/** The hand-written pages shown first, in this order; any other docs/*.md comes after. */
const ORDER = ['index', 'getting-started'];
const AFTER_GENERATED = ['gateway'];

function fail(message) {
  console.error(`build-docs: ${message}`);
  process.exit(1);
}

/** The bundles the live examples load, with their chunks: the build must have made them. */
const BUNDLE = ['matterform.js', 'chunks', 'matterform-designer.js', 'designer-chunks'];
for (const name of BUNDLE) {
  if (!existsSync(join(repo, 'dist', name)))
    fail(`dist/${name} is missing: run \`npm run build\` first (or \`npm run docs\`).`);
}
if (!existsSync(join(repo, 'packages/cli/dist/cli.js')))
  fail('packages/cli/dist is missing: run `npm run build` first.');

let manifests;
try {
  manifests = readManifests(repo);
} catch (error) {
  fail(error.message);
}

// ---------------------------------------------------------------------------------------
// The pages

const markdownFiles = (await readdir(join(repo, 'docs'))).filter((f) => f.endsWith('.md')).sort();
const markdown = new Map();
for (const file of markdownFiles) {
  const name = file.replace(/\.md$/, '');
  const rendered = renderMarkdown(await readFile(join(repo, 'docs', file), 'utf8'));
  if (!rendered.title) fail(`docs/${file} has no "# title" line`);
  markdown.set(name, rendered);
}
for (const name of [...ORDER, ...AFTER_GENERATED]) if (!markdown.has(name)) fail(`docs/${name}.md is missing`);

const markdownPage = (name) => ({
  file: `${name}.html`,
  title: name === 'index' ? 'Overview' : markdown.get(name).title,
  body: markdown.get(name).html,
  lang: 'en',
});

const peersResults = join(repo, 'bench', 'peers', 'RESULTS.md');
const peersBody = existsSync(peersResults)
  ? `<h1>Peers benchmark</h1>
<p class="lead">The same generated schema rendered by rjsf, JSON Forms, SurveyJS, a hand-written DOM baseline and
<code>&lt;matter-form&gt;</code> in one Chromium run: <code>bench/peers/RESULTS.md</code>, as <code>npm run bench:peers</code>
wrote it. The figures depend on the machine named with them.</p>
${renderMarkdown((await readFile(peersResults, 'utf8')).replace(/^# .*\n/, '')).html}`
  : `<h1>Peers benchmark</h1>
<p class="lead">No results yet: run <code>npm run bench:peers</code> in the repository (it writes
<code>bench/peers/RESULTS.md</code>), then <code>npm run docs</code> again. It renders the same generated schema with
rjsf, JSON Forms, SurveyJS, a hand-written DOM baseline and <code>&lt;matter-form&gt;</code> in one Chromium run and
prints the ratios.</p>`;

const pages = [
  ...ORDER.map(markdownPage),
  { file: 'elements.html', title: 'Element API', body: elementsApiBody(manifests) },
  { file: 'cli.html', title: 'CLI reference', body: cliReferenceBody(repo) },
  { file: 'catalogue-format.html', title: 'Catalogue format', body: catalogueFormatBody(repo) },
  ...AFTER_GENERATED.map(markdownPage),
  demoPage,
  designerPage,
  playgroundPage,
  { file: 'peers.html', title: 'Peers benchmark', body: peersBody },
  ...[...markdown.keys()].filter((n) => !ORDER.includes(n) && !AFTER_GENERATED.includes(n)).map(markdownPage),
];
const nav = pages.map(({ file, title }) => ({ file, title }));

// ---------------------------------------------------------------------------------------
// Writing the site

if (existsSync(out)) {
  const entries = await readdir(out);
  if (entries.length > 0 && !entries.includes(MARKER))
    fail(`${out} is not empty and was not made by this script; not touching it`);
  await rm(out, { recursive: true, force: true });
}
await mkdir(join(out, 'data'), { recursive: true });
await writeFile(join(out, MARKER), 'Made by scripts/build-docs.mjs; emptied on every build.\n');

for (const entry of pages) {
  await writeFile(join(out, entry.file), page({ ...entry, nav }));
}
for (const name of BUNDLE) await cp(join(repo, 'dist', name), join(out, name), { recursive: true });
const assets = fileURLToPath(new URL('./docs/assets/', import.meta.url));
for (const name of await readdir(assets)) await cp(join(assets, name), join(out, name));

// The sample catalogue as one SPEC §2 object, and its synthetic applicants, for the examples.
const { loadCatalogueFrom } = await import(join(repo, 'packages/core/dist/node.js'));
const load = await loadCatalogueFrom(join(repo, 'schemas', 'catalogue'));
const errors = load.problems.filter((p) => p.severity === 'error');
if (errors.length > 0)
  fail(`the sample catalogue has errors:\n${errors.map((p) => `${p.file}: ${p.pointer}: ${p.message.en}`).join('\n')}`);
const { concepts, sources, licences, matters } = load.catalogue;
await writeFile(join(out, 'data', 'catalogue.json'), JSON.stringify({ concepts, sources, licences, matters }));
await cp(join(repo, 'schemas', 'catalogue', 'fixtures.json'), join(out, 'data', 'fixtures.json'));
await writeFile(join(out, 'pages.json'), `${JSON.stringify(nav, null, 2)}\n`);

console.log(`build-docs: ${pages.length} pages in ${out}`);
for (const entry of pages) console.log(`  ${entry.file}  ${entry.title}`);
