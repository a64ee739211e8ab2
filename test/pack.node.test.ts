// What `npm pack` would publish for every workspace package that is not private: the files
// its package.json promises, its README and licence, its manifest of custom elements; no
// tests, no build info; source maps only with the sources they point at. Needs `npm run build`.
//
// Maps are published on purpose: a person stepping into matterform in DevTools or going to a
// definition in an editor lands in the TypeScript it was written in. A map is only worth its
// bytes with its sources, so `src/` (without tests) is published beside `dist/`, and every
// map's `sources` must be in the tarball (a map pointing at nothing makes bundlers warn).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { expect } from 'chai';
import {
  exportTargets,
  packDryRun,
  publishedPackages,
  repo,
  type PackResult,
  type WorkspacePackage,
} from './pack.test-helpers.js';

const TEST_FILE = /\.test(-helpers)?\.|\.test-helpers\./;
/** What may sit at a package's top level besides its folders. */
const TOP_LEVEL = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'custom-elements.json']);
const FOLDERS = new Set(['dist', 'src', 'bin']);

const licence = readFileSync(join(repo, 'LICENSE'), 'utf8');
const packages = publishedPackages();

/** `./dist/define*.js`-style globs of `sideEffects`, as a bundler matches them. */
function globMatcher(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${body}$`);
}

function normal(target: string): string {
  return posix.normalize(target).replace(/^\.\//, '');
}

describe('what npm pack would publish', function () {
  this.timeout(120_000);

  it('covers every workspace package that is not private', () => {
    expect(packages.map((p) => p.manifest.name)).to.include.members([
      '@matterform/core',
      '@matterform/archive',
      '@matterform/elements',
      '@matterform/designer',
      '@matterform/react',
      'matterform',
    ]);
  });

  it('versions the packages together, each depending on the others at exactly that version', () => {
    const names = new Set(packages.map((p) => p.manifest.name));
    const [first] = packages;
    for (const { manifest } of packages) {
      expect(manifest.version, manifest.name).to.equal(first?.manifest.version);
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {}))
        if (names.has(dep)) expect(range, `${manifest.name} → ${dep}`).to.equal(manifest.version);
    }
  });

  for (const pkg of packages) describePackage(pkg);
});

function describePackage(pkg: WorkspacePackage): void {
  const { manifest, folder, dir } = pkg;
  const reason = pkg.hasSources ? '' : ` (skipped: ${folder} has no sources yet)`;

  describe(`${manifest.name} (${folder})${reason}`, () => {
    let packed: PackResult;
    let paths: Set<string>;

    before(function () {
      if (!pkg.hasSources) this.skip();
      packed = packDryRun(folder);
      paths = new Set(packed.files.map((f) => f.path));
    });

    it('has the fields a registry page and an installer read', () => {
      expect(manifest.license).to.equal('Apache-2.0');
      expect(manifest.publishConfig?.access, 'publishConfig.access').to.equal('public');
      expect(manifest.repository?.directory, 'repository.directory').to.equal(folder);
      expect(manifest.repository?.url, 'repository.url').to.equal(packages[0]?.manifest.repository?.url);
      expect(manifest.keywords, 'keywords').to.be.an('array').that.includes('matterform');
      expect(manifest.engines?.node, 'engines.node').to.be.a('string');
      expect(manifest.sideEffects, 'sideEffects').to.satisfy((v: unknown) => v === false || Array.isArray(v));
      expect(manifest.files, 'files').to.be.an('array').that.is.not.empty;
    });

    it('holds every file its main, types, exports and bin name, each module with its types', () => {
      const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
      const targets = [manifest.main, manifest.types, ...exportTargets(manifest.exports), ...bins]
        .filter((t): t is string => typeof t === 'string')
        .map(normal);
      expect(targets, 'targets').to.not.be.empty;
      for (const target of targets) expect(paths, `${target} is published`).to.include(target);
      for (const target of targets.filter((t) => t.startsWith('dist/') && t.endsWith('.js')))
        expect(paths, `${target}'s types`).to.include(target.replace(/\.js$/, '.d.ts'));
    });

    it('holds its README, its CHANGELOG and the licence', () => {
      expect(paths).to.include('README.md');
      expect(paths).to.include('CHANGELOG.md');
      // The heading changesets writes each version's entry under.
      const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog.split('\n')[0], 'CHANGELOG.md').to.equal(`# ${manifest.name}`);
      expect(changelog, 'CHANGELOG.md').to.match(/\n## \d+\.\d+\.\d+\n/);
      expect(paths).to.include('LICENSE');
      expect(readFileSync(join(dir, 'LICENSE'), 'utf8'), 'the repo’s LICENSE').to.equal(licence);
    });

    it('holds its custom-elements.json when its package.json names one', function () {
      if (manifest.customElements === undefined) this.skip();
      const file = normal(manifest.customElements);
      expect(paths).to.include(file);
      const parsed = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { modules?: unknown[] };
      expect(parsed.modules, 'the manifest’s modules').to.be.an('array').that.is.not.empty;
    });

    it('holds its browser bundle for CDNs, when it names one, with every chunk the bundle loads', function () {
      const bundle = typeof manifest.unpkg === 'string' ? normal(manifest.unpkg) : undefined;
      if (bundle === undefined) this.skip();
      expect(manifest.jsdelivr, 'jsdelivr names the same file').to.equal(manifest.unpkg);
      const waiting = [bundle];
      for (const seen = new Set<string>(); waiting.length > 0;) {
        const file = waiting.pop() ?? '';
        if (seen.has(file)) continue;
        seen.add(file);
        expect(paths, `${file} is published`).to.include(file);
        const code = readFileSync(join(dir, file), 'utf8');
        expect(code, `${file} names no source map`).to.not.match(/sourceMappingURL/);
        for (const [, imported] of code.matchAll(/(?:from|import\(|import)\s*["'](\.{1,2}\/[^"']+)["']/g))
          waiting.push(posix.join(posix.dirname(file), imported ?? ''));
      }
    });

    it('holds no tests, no build info and nothing outside dist, src and bin', () => {
      for (const path of paths) {
        expect(path, 'a test file').to.not.match(TEST_FILE);
        expect(path, 'build info').to.not.match(/\.tsbuildinfo$/);
        const [top, ...rest] = path.split('/');
        expect(rest.length ? FOLDERS.has(top ?? '') : TOP_LEVEL.has(top ?? ''), `${path} is meant to be published`).to
          .be.true;
      }
    });

    it('publishes source maps only with the sources they point at', () => {
      for (const path of paths) {
        if (path.endsWith('.map')) {
          const map = JSON.parse(readFileSync(join(dir, path), 'utf8')) as { sources: string[]; sourceRoot?: string };
          for (const source of map.sources) {
            const resolved = posix.join(posix.dirname(path), map.sourceRoot ?? '', source);
            expect(paths, `${path} → ${source}`).to.include(resolved);
          }
        } else if (/\.(js|d\.ts)$/.test(path)) {
          const linked = /\/[/*]# sourceMappingURL=(\S+?)(?: \*\/)?\s*$/.exec(readFileSync(join(dir, path), 'utf8'));
          if (linked?.[1]) expect(paths, `${path}'s map`).to.include(posix.join(posix.dirname(path), linked[1]));
        }
      }
    });

    it('lists in sideEffects every module that defines an element or imports one that does', () => {
      // A bundler drops a module marked free of side effects when nothing is used from it —
      // also `import '@matterform/elements'`, whose point is to define the elements.
      const effects = manifest.sideEffects;
      // Without the field (or `true`) a bundler keeps every module: nothing to check.
      const kept = Array.isArray(effects) ? effects.map(globMatcher) : effects === false ? [] : [/(?:)/];
      const modules = [...paths].filter((path) => path.startsWith('dist/') && path.endsWith('.js'));
      const code = new Map(modules.map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
      const effectful = new Set(modules.filter((path) => /\bcustomElements\.define\(/.test(code.get(path) ?? '')));
      for (let grew = true; grew;) {
        grew = false;
        for (const path of modules) {
          if (effectful.has(path)) continue;
          const bare = [...(code.get(path) ?? '').matchAll(/^import\s+['"](\.{1,2}\/[^'"]+)['"]/gm)];
          if (bare.some((m) => effectful.has(posix.join(posix.dirname(path), m[1] ?? '')))) {
            effectful.add(path);
            grew = true;
          }
        }
      }
      for (const path of effectful)
        expect(
          kept.some((glob) => glob.test(path)),
          `${path} defines an element or imports a module that does: sideEffects must name it`,
        ).to.be.true;
    });
  });
}
