// What the publishing checks share: the workspace packages npm would publish, and npm run as
// a person runs it (not as the child of the `npm test` that started mocha).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('..', import.meta.url));

/** The package.json fields the checks read. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  keywords?: string[];
  repository?: { type?: string; url?: string; directory?: string };
  publishConfig?: { access?: string };
  engines?: { node?: string };
  main?: string;
  types?: string;
  exports?: unknown;
  bin?: string | Record<string, string>;
  files?: string[];
  sideEffects?: boolean | string[];
  /** The browser bundle npm CDNs serve by default (SPEC §9's dist/matterform.js, copied in). */
  unpkg?: string;
  jsdelivr?: string;
  customElements?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** The folder in the repo, e.g. `packages/core`. */
  folder: string;
  dir: string;
  manifest: Manifest;
  /** False while the package has no sources yet (a package being started in parallel). */
  hasSources: boolean;
}

/** Every workspace of the root package.json that is not private, in the order listed there. */
export function publishedPackages(): WorkspacePackage[] {
  const root = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { workspaces: string[] };
  return root.workspaces
    .map((folder) => {
      const dir = join(repo, folder);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
      return { folder, dir, manifest, hasSources: existsSync(join(dir, 'src')) };
    })
    .filter((p) => p.manifest.private !== true);
}

/**
 * The environment for a child npm: without the `npm_*` settings an outer `npm run` passes
 * down (its prefix, workspace and lifecycle variables would make the child act on the repo).
 */
export function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_OPTIONS'),
  );
}

export interface PackedFile {
  path: string;
  size: number;
}

export interface PackResult {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: PackedFile[];
}

/** `npm pack --dry-run --json` of one workspace folder: what the tarball would hold. */
export function packDryRun(folder: string): PackResult {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '-w', folder], {
    cwd: repo,
    env: npmEnv(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [result] = JSON.parse(out) as PackResult[];
  if (!result) throw new Error(`npm pack --dry-run printed nothing for ${folder}`);
  return result;
}

/** Every string in a package.json `exports` value: the files its conditions point at. */
export function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (Array.isArray(exports)) return exports.flatMap(exportTargets);
  if (exports && typeof exports === 'object') return Object.values(exports).flatMap(exportTargets);
  return [];
}

/** The subpaths a package's `exports` offers (`.`, `./node`, …), or `.` alone without a map. */
export function exportSubpaths(manifest: Manifest): string[] {
  const { exports } = manifest;
  if (exports && typeof exports === 'object' && !Array.isArray(exports)) {
    const keys = Object.keys(exports);
    if (keys.every((key) => key.startsWith('.'))) return keys;
  }
  return ['.'];
}
