// The custom-elements manifest (SPEC §9) of @matterform/elements and @matterform/designer.
// One config for both, run from each package's folder (`npm run manifest` at the root), so the
// two manifests are made by the same rules: every element under `src/` is picked up — a new
// one appears without touching this file — and each manifest sits at its package's root.

/**
 * Lit's reactive state (`_phase: { state: true }`) is private: no attribute, no member. And
 * events only as documented.
 */
function publicOnly() {
  const internal = (name) => typeof name === 'string' && name.startsWith('_');
  return {
    name: 'matterform-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => !internal(m.name));
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !internal(a.name));
          // Every public event is documented with @fires; one the analyzer finds only in code is
          // a helper's `new CustomEvent(type, …)`, named by a variable (`type`), not an event.
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.description);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.test-helpers.ts'],
  outdir: '.',
  litelement: true,
  // package.json's `customElements` is written by hand; the build must not rewrite a tracked file.
  packagejson: false,
  plugins: [publicOnly()],
};
