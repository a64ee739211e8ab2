// The packed tarballs installed into a scratch project, as a department's team installs them
// from the registry: Node imports every export, the `matterform` bin checks the sample
// catalogue, TypeScript finds every export's types, and rollup bundles the elements — while an
// entry using only functions leaves every element and lit out (`sideEffects`). Third-party
// dependencies come from npm's cache or the registry. Needs `npm run build`.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import commonjsModule from '@rollup/plugin-commonjs';
import jsonModule from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { expect } from 'chai';
import { rollup, type OutputChunk, type RollupLog } from 'rollup';
import { exportSubpaths, npmEnv, publishedPackages, repo } from './pack.test-helpers.js';

// The plugins' types describe their CommonJS builds, where the function is `default`; Node
// loads their ES builds, whose default export is the function itself.
const commonjs = commonjsModule as unknown as typeof commonjsModule.default;
const json = jsonModule as unknown as typeof jsonModule.default;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command's exit code and output; a non-zero exit is a result here, not an error. */
function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: npmEnv(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function succeed(command: string, args: string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

/** The version of a package the repo itself installed, so the scratch project finds it in npm's cache. */
async function rootVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(repo, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

interface Bundle {
  code: string;
  modules: string[];
  warnings: RollupLog[];
}

/** `entry` bundled by rollup as a site's build would, resolving packages from `project`. */
async function bundle(project: string, entry: string): Promise<Bundle> {
  const warnings: RollupLog[] = [];
  const build = await rollup({
    input: join(project, entry),
    plugins: [nodeResolve({ browser: true, rootDir: project }), commonjs(), json()],
    onwarn: (warning) => warnings.push(warning),
  });
  try {
    const { output } = await build.generate({ format: 'es' });
    const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
    return {
      code: chunks.map((c) => c.code).join('\n'),
      modules: chunks.flatMap((c) => Object.keys(c.modules)),
      warnings,
    };
  } finally {
    await build.close();
  }
}

describe('the packed packages installed into a scratch project', function () {
  this.timeout(180_000);
  const packages = publishedPackages();
  const ready = packages.filter((p) => p.hasSources);
  let temp: string;
  let project: string;

  before(async function () {
    // npm's registry certificates are not valid years ahead, and nothing here reads the date:
    // the run under faketime (scripts/test-node-future.mjs) leaves this to the run in the present.
    if (process.env.FAKETIME !== undefined) this.skip();
    temp = await mkdtemp(join(tmpdir(), 'matterform-pack-'));
    const tarballs = join(temp, 'tarballs');
    project = join(temp, 'project');
    await mkdir(tarballs);
    await mkdir(project);
    const packed = JSON.parse(
      await succeed(
        'npm',
        [
          'pack',
          '--json',
          '--ignore-scripts',
          '--pack-destination',
          tarballs,
          ...ready.flatMap((p) => ['-w', p.folder]),
        ],
        repo,
      ),
    ) as { filename: string }[];
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'scratch-department-site', private: true, type: 'module' }, null, 2),
    );
    // A TypeScript project has @types/node and, for the React wrapper, @types/react: the
    // versions the repo builds with, so npm finds them in its cache.
    const types = [
      `@types/node@${await rootVersion('@types/node')}`,
      `@types/react@${await rootVersion('@types/react')}`,
    ];
    await succeed(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--ignore-scripts',
        '--workspaces=false',
        ...packed.map((p) => join(tarballs, p.filename)),
        ...types,
      ],
      project,
    );
    await cp(join(repo, 'schemas/catalogue'), join(project, 'catalogue'), { recursive: true });
  });

  after(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it('resolves every export of every package to the installed copy', async () => {
    const specifiers = ready.flatMap((p) => exportSubpaths(p.manifest).map((sub) => p.manifest.name + sub.slice(1)));
    const script = `for (const s of ${JSON.stringify(specifiers)}) console.log(import.meta.resolve(s));`;
    await writeFile(join(project, 'resolve.mjs'), script);
    const resolved = (await succeed(process.execPath, ['resolve.mjs'], project)).trim().split('\n');
    expect(resolved).to.have.length(specifiers.length);
    const installed = pathToFileURL(join(project, 'node_modules')).href + '/';
    for (const [i, url] of resolved.entries())
      expect(url, specifiers[i]).to.satisfy((u: string) => u.startsWith(installed));
  });

  it('runs @matterform/core in Node: loads the catalogue, validates a matter, verifies a submission', async () => {
    await writeFile(
      join(project, 'core.mjs'),
      `import { compileSchema, verifySubmission } from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';

const load = await loadCatalogueFrom('catalogue');
const matter = load.catalogue.matters.find((m) => m.id === 'residence-permit');
const checked = compileSchema(matter.schema)({});
const verified = await verifySubmission(
  { subject: { kind: 'person', id: 'scratch' }, data: {}, provenance: { '/applicant/name': { locked: true } } },
  { keys: [], matter },
);
console.log(JSON.stringify({
  problems: load.problems.length,
  matters: load.catalogue.matters.length,
  valid: checked.valid,
  missing: checked.errors.map((e) => e.pointer),
  verified,
}));
`,
    );
    const result = JSON.parse(await succeed(process.execPath, ['core.mjs'], project)) as {
      problems: number;
      matters: number;
      valid: boolean;
      missing: string[];
      verified: { ok: boolean; errors: { pointer: string; code: string }[] };
    };
    expect(result.problems).to.equal(0);
    expect(result.matters).to.be.greaterThan(0);
    expect(result.valid).to.equal(false);
    expect(result.missing).to.include('/applicant');
    expect(result.verified.ok).to.equal(false);
    expect(result.verified.errors).to.deep.include({
      pointer: '/applicant/name',
      code: 'signature-missing',
      message: { 'zh-CN': '锁定的值缺少签名', en: 'the locked value carries no signature' },
    });
  });

  it('runs the matterform bin: validate passes on the sample catalogue, a wrong command exits 2', async () => {
    const valid = await run('npx', ['--no', 'matterform', 'validate', 'catalogue', '--lang', 'en'], project);
    expect(valid.code, valid.stderr).to.equal(0);
    const wrong = await run('npx', ['--no', 'matterform', 'no-such-command'], project);
    expect(wrong.code).to.equal(2);
    expect(wrong.stderr).to.match(/no-such-command/);
  });

  it('gives TypeScript the types of every export', async () => {
    const specifiers = ready.flatMap((p) => exportSubpaths(p.manifest).map((sub) => p.manifest.name + sub.slice(1)));
    await writeFile(
      join(project, 'check.ts'),
      specifiers.map((s, i) => `import * as m${i} from '${s}';`).join('\n') +
        `\nexport const modules = [${specifiers.map((_, i) => `m${i}`).join(', ')}];\n` +
        // A wrong call must fail to type-check: the types are real, not `any`.
        `// @ts-expect-error verifySubmission takes a submission and options\nvoid m${specifiers.indexOf('@matterform/core')}.verifySubmission();\n`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: ['node'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
        },
        files: ['check.ts'],
      }),
    );
    const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    expect(result.stdout + result.stderr).to.equal('');
    expect(result.code).to.equal(0);
  });

  it('bundles @matterform/elements for a browser with <matter-form> defined', async () => {
    await writeFile(join(project, 'elements-entry.js'), `import '@matterform/elements';\n`);
    const { code, modules, warnings } = await bundle(project, 'elements-entry.js');
    expect(warnings.filter((w) => w.code === 'UNRESOLVED_IMPORT').map((w) => w.message)).to.deep.equal([]);
    expect(code).to.match(/customElements\.define\(\s*['"]matter-form['"]/);
    expect(code).to.match(/customElements\.define\(\s*['"]matter-materials['"]/);
    // Every module of ours came from the tarballs, none from the repo's workspaces.
    const ours = modules.filter((m) => m.includes('@matterform'));
    expect(ours).to.not.be.empty;
    for (const m of ours) expect(m).to.satisfy((path: string) => path.startsWith(join(project, 'node_modules')));
  });

  it('tree-shakes every element, lit and ajv out of a bundle that uses only functions', async () => {
    await writeFile(
      join(project, 'functions-entry.js'),
      `export { verifySubmission } from '@matterform/core';\nexport { createArchive } from '@matterform/archive';\n`,
    );
    const { code, modules } = await bundle(project, 'functions-entry.js');
    expect(code).to.match(/function verifySubmission\b/);
    expect(code).to.match(/function createArchive\b/);
    expect(code).to.not.match(/customElements\.define/);
    // Without `sideEffects: false` on core, every module its entry re-exports stays, ajv and
    // its compiler with them (157 modules instead of 9).
    const third = (pattern: RegExp) =>
      modules.filter((m) => pattern.test(m.split(/[/\\]node_modules[/\\]/).pop() ?? ''));
    expect(third(/^(lit|lit-html|lit-element|@lit)[/\\]/), 'lit').to.deep.equal([]);
    expect(third(/^(ajv|ajv-formats)[/\\]/), 'ajv').to.deep.equal([]);
  });
});
