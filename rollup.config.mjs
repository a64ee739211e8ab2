// The self-contained browser bundle for <script type="module"> on department sites
// (SPEC §9). Per-package ESM and .d.ts come from `tsc -b`; this bundles their output.
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: { matterform: 'packages/elements/dist/index.js' },
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
    nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
    commonjs(),
    json({ compact: true }),
    terser({ compress: { passes: 2 }, format: { comments: false } }),
  ],
};
