// The self-contained browser bundle for <script type="module"> on department sites
// (SPEC §9). Per-package ESM and .d.ts come from `tsc -b`; this bundles their output.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rm } from 'node:fs/promises';
import MagicString from 'magic-string';
import { visualizer } from 'rollup-plugin-visualizer';

const compactStyles = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');

/**
 * lit's templates with the whitespace people indent them with taken out: terser leaves
 * template text as written. In a css`` stylesheet, comments go, and the spaces around braces,
 * semicolons, commas and `>` and after colons (a space elsewhere can be a descendant
 * combinator). In an html`` template, each run of white space with a line break in it becomes
 * one space, which the page draws the same (no template holds a <pre> or a <textarea>).
 * Only the text between `${…}`s is touched, found by parsing, never the code in them.
 */
function compactTemplates() {
  return {
    name: 'compact-templates',
    transform(code, id) {
      if (!/[\\/]packages[\\/]/.test(id) || !/\b(css|html) ?`/.test(code)) return null;
      const edited = new MagicString(code);
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') {
          const compact =
            node.tag.name === 'css'
              ? compactStyles
              : node.tag.name === 'html'
                ? (text) => text.replace(/\s*\n\s*/g, ' ')
                : undefined;
          for (const quasi of compact ? node.quasi.quasis : []) {
            const text = code.slice(quasi.start, quasi.end);
            const shorter = compact(text);
            if (shorter !== text) edited.overwrite(quasi.start, quasi.end, shorter);
          }
        }
        for (const value of Object.values(node))
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
      };
      visit(this.parse(code));
      return edited.hasChanged() ? { code: edited.toString(), map: edited.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * `process.env.NODE_ENV` as "production": pragmatic-drag-and-drop asks it, as bundlers for
 * Node's conventions expect; a browser has no `process`. Its development warnings then go.
 */
function productionEnv() {
  return {
    name: 'production-env',
    transform(code) {
      if (!code.includes('process.env.NODE_ENV')) return null;
      const edited = new MagicString(code);
      for (const found of code.matchAll(/\bprocess\.env\.NODE_ENV\b/g))
        edited.overwrite(found.index, found.index + found[0].length, '"production"');
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}

/**
 * The bundle map of `name` (issue 16): an HTML treemap and its raw JSON in .tmp/bundle-map/,
 * outside dist/ (which is published). Sizes from the output's source map, so a module counts
 * what terser left of it (the plugin then gives no gzip sizes); `npm run bench` prints the
 * entry's top modules and points here.
 */
const bundleMap = (name) =>
  ['treemap', 'raw-data'].map((template) =>
    visualizer({
      filename: `.tmp/bundle-map/${name}.${template === 'treemap' ? 'html' : 'json'}`,
      template,
      title: `${name} bundle map`,
      sourcemap: true,
    }),
  );

/** Chunks of earlier builds have other hashes: they go first, so dist/ holds one build. */
function cleanChunks(folder) {
  return {
    name: 'clean-chunks',
    async buildStart() {
      await rm(new URL(`dist/${folder}`, import.meta.url), { recursive: true, force: true });
    },
  };
}

const form = {
  input: { matterform: 'packages/elements/dist/bundle.js' },
  // ajv's compiler is a chunk of its own, fetched by `loadMatterChecks` only when a matter has
  // no precompiled validator (SPEC §9). It imports what it shares with the entry from the entry
  // itself, which may therefore export a few internal names: otherwise rollup would move the
  // shared code into a third file and the entry would no longer be self-contained.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    // The archive on the device (IndexedDB, Web Crypto) is fetched when a form first keeps something.
    chunkFileNames: ({ facadeModuleId }) =>
      /[\\/]packages[\\/]archive[\\/]/.test(facadeModuleId ?? '')
        ? 'chunks/archive-[hash].js'
        : 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    cleanChunks('chunks'),
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    commonjs(),
    compactTemplates(),
    json({ compact: true }),
    terser({ compress: { passes: 2 }, format: { comments: false } }),
    ...bundleMap('matterform'),
  ],
};

// <matter-designer> (SPEC §9, §10): a build of its own, so dist/matterform.js shares no chunk
// with it and stays one file a department site loads alone. The code editor of the JSON view
// (CodeMirror) and ajv's compiler are chunks in designer-chunks/, fetched when first needed.
const designer = {
  input: { 'matterform-designer': 'packages/designer/dist/index.js' },
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'designer-chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    cleanChunks('designer-chunks'),
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    commonjs(),
    productionEnv(),
    compactTemplates(),
    json({ compact: true }),
    terser({ compress: { passes: 2 }, format: { comments: false } }),
    ...bundleMap('matterform-designer'),
  ],
};

export default [form, designer];
