// Builds the peers benchmark's pages into bench/peers/dist/: one bundle per library (esbuild,
// minified, production React), and a page per library and form size with the form's
// description in the page. <matter-form>'s page loads the root build's dist/matterform.js
// as it is (run `npm run build` at the root first).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';
import { formFor } from './forms.mjs';

export const HERE = fileURLToPath(new URL('.', import.meta.url));
export const OUT = path.join(HERE, 'dist');
export const LIBRARIES = ['baseline', 'matterform', 'rjsf', 'jsonforms', 'surveyjs'];
const ENTRIES = {
  baseline: 'baseline.js',
  matterform: 'matterform.js',
  rjsf: 'rjsf.jsx',
  jsonforms: 'jsonforms.jsx',
  surveyjs: 'surveyjs.js',
};

/** The baseline's own few rules: readable spacing, the error red, nothing borrowed. */
const BASELINE_CSS = `
  form { max-width: 40rem; font: 16px/1.5 system-ui, sans-serif; }
  fieldset { margin: 0 0 1rem; border: 1px solid #bbb; }
  .field { margin: 0.5rem 0; }
  .field > label { display: block; font-weight: 600; }
  .choices { border: 0; padding: 0; }
  .choices label { margin-right: 1rem; }
  .hint { margin: 0; color: #555; }
  .error, .summary { color: #b00020; }
  [aria-invalid] { border-color: #b00020; }
`;

const escapeJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

function page(library, fields) {
  const css = library === 'surveyjs' ? '<link rel="stylesheet" href="surveyjs.css">' : '';
  const own = library === 'baseline' ? `<style>${BASELINE_CSS}</style>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${library}, ${fields} fields</title>
${css}${own}
</head>
<body>
<main id="stage"></main>
<script type="application/json" id="form-data">${escapeJson(formFor(library, fields))}</script>
<script type="module" src="${library}.js"></script>
</body>
</html>
`;
}

/** Builds the bundles and the pages for `sizes`. */
export async function buildPages(sizes) {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(LIBRARIES.map((library) => [library, path.join(HERE, 'pages', ENTRIES[library])])),
    outdir: OUT,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // <matter-form>'s page loads the root build as it is published, not rebundled.
    external: ['/dist/matterform.js'],
    logLevel: 'error',
  });
  for (const library of LIBRARIES)
    for (const fields of sizes) await writeFile(path.join(OUT, `${library}-${fields}.html`), page(library, fields));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPages([50, 200, 1000]);
