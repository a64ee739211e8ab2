import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { bin, matterform, repo, sampleCatalogue } from './cli.test-helpers.js';
import ts from 'typescript';
import type { JsonSchema, JsonSchemaObject, Matter, PrecompiledValidateFunction } from '@matterform/core';

const catalogue = sampleCatalogue;

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'matterform-cli-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('matterform validate', () => {
  it('passes the sample catalogue with no errors and no warnings, and summarises it', async () => {
    const result = await matterform('validate', 'schemas/catalogue', '--lang', 'en');
    expect(result.stderr).to.equal('');
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/^schemas\/catalogue: \d+ matters in \d+ departments, \d+ concepts/);
    expect(result.stdout).to.contain('valid, 0 warning(s)');
  });

  it('exits 1 on a copy with one broken cross-reference, naming the file and pointer', async () => {
    await cp(catalogue, work, { recursive: true });
    const file = join(work, 'matters', 'residence-permit.json');
    const matter = JSON.parse(await readFile(file, 'utf8'));
    const index = matter.materials.findIndex((m: { licences?: string[] }) => m.licences?.length);
    matter.materials[index].licences[0] = 'no-such-licence';
    await writeFile(file, JSON.stringify(matter, null, 2));

    const result = await matterform('validate', work, '--lang', 'en');
    expect(result.code).to.equal(1);
    expect(result.stderr.trim().split('\n')).to.deep.equal([
      `${file}: /materials/${index}/licences/0: unknown licence type "no-such-licence"`,
    ]);
  });

  it('prints zh-CN messages by default and keeps warnings apart unless --strict', async () => {
    await cp(catalogue, work, { recursive: true });
    const file = join(work, 'matters', 'residence-permit.json');
    const matter = JSON.parse(await readFile(file, 'utf8'));
    delete matter.contact;
    await writeFile(file, JSON.stringify(matter, null, 2));

    const lenient = await matterform('validate', work, '--lang', 'zh-CN');
    expect(lenient.code).to.equal(0);
    expect(lenient.stderr).to.equal(`warning: ${file}: /contact: 缺少事项要素“contact”\n`);
    const strict = await matterform('validate', work, '--strict');
    expect(strict.code).to.equal(1);
    expect(strict.stderr).not.to.contain('warning:');
  });

  it('checks the sample fixtures against the catalogue, and names a broken identifier', async () => {
    const good = await matterform(
      'validate',
      'schemas/catalogue',
      '--fixtures',
      'schemas/catalogue/fixtures.json',
      '--lang',
      'en',
    );
    expect(good.stderr).to.equal('');
    expect(good.code).to.equal(0);
    expect(good.stdout).to.match(/fixtures\.json: [5-9] synthetic persons, [2-9] synthetic organizations/);

    const fixtures = JSON.parse(await readFile(new URL('schemas/catalogue/fixtures.json', repo), 'utf8'));
    const id: string = fixtures.subjects[0].subject.id;
    fixtures.subjects[0].subject.id = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const file = join(work, 'fixtures.json');
    await writeFile(file, JSON.stringify(fixtures));
    const bad = await matterform('validate', 'schemas/catalogue', '--fixtures', file, '--lang', 'en');
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.contain(
      `${file}: /subjects/0/subject/id: "${fixtures.subjects[0].subject.id}" is not a valid citizen ID number`,
    );
  });

  it('exits 2 on bad usage', async () => {
    expect((await matterform()).code).to.equal(2);
    expect((await matterform('frobnicate', 'x')).code).to.equal(2);
    expect((await matterform('validate')).code).to.equal(2);
    expect((await matterform('types', 'schemas/catalogue')).stderr).to.contain('needs --out');
    expect((await matterform('validate', 'schemas/catalogue', '--lang', 'fr')).code).to.equal(2);
  });

  it('exits 1 for a folder that does not exist', async () => {
    const result = await matterform('validate', join(work, 'missing'), '--lang', 'en');
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain('no such folder or file');
  });
});

describe('matterform types', () => {
  it('writes one .d.ts per sample matter, and they type-check', async function () {
    // A TypeScript program over every matter's types: pure compiler work, which took 29 s
    // on a busy 2-core machine, past mocha's 20 s; nothing here waits on time.
    this.timeout(60_000);
    const result = await matterform('types', 'schemas/catalogue', '--out', work);
    expect(result.code).to.equal(0);
    const matters = await sampleMatters();
    const written = (await readdir(work)).sort();
    expect(written).to.deep.equal(matters.map((m) => `${m.id}.d.ts`).sort());

    // Use each interface the way a department's code would: as the type of the form data.
    const uses = matters
      .map(
        (m, i) =>
          `import type { ${pascal(m.id)}Data } from './${m.id}.js';\nexport const data${i}: ${pascal(m.id)}Data | undefined = undefined;`,
      )
      .join('\n');
    await writeFile(join(work, 'use.ts'), uses);
    const program = ts.createProgram([join(work, 'use.ts')], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).to.deep.equal([]);
  });
});

describe('matterform compile', () => {
  // Every static or dynamic import of a minified module, with what it names.
  const IMPORTS = /(?:^|[;\s])import\s*(?:[{*][^;]*?from\s*)?"([^"]*)"|\bimport\s*\(/gm;

  it('writes one module per sample matter that imports only the shared module, written once, and agrees with the run-time validator', async () => {
    const result = await matterform('compile', 'schemas/catalogue', '--out', work);
    expect(result.code).to.equal(0);
    const matters = await sampleMatters();
    const files = await readdir(work);
    const shared = files.filter((f) => f.startsWith('matterform-validators-'));
    expect(shared, 'one shared module').to.have.length(1);
    expect(files.sort()).to.deep.equal([...shared, ...matters.map((m) => `${m.id}@${m.version}.mjs`)].sort());
    expect(result.stdout.split('\n').filter((line) => line.includes('matterform-validators-'))).to.deep.equal([
      join(work, shared[0] ?? ''),
    ]);
    const sharedSource = await readFile(join(work, shared[0] ?? ''), 'utf8');
    expect([...sharedSource.matchAll(IMPORTS)], 'the shared module imports nothing').to.deep.equal([]);
    expect(sharedSource).not.to.match(/new Function|\beval\(/);
    for (const matter of matters) {
      const file = join(work, `${matter.id}@${matter.version}.mjs`);
      const source = await readFile(file, 'utf8');
      // The one import a per-matter module has: the shared module, by relative URL.
      expect(
        [...source.matchAll(IMPORTS)].map((m) => m[1]),
        file,
      ).to.deep.equal([`./${shared[0]}`]);
      expect(source, file).not.to.match(/new Function|\beval\(/);
      await agreesWithRuntime(matter, file);
    }
  });

  it('writes self-contained modules and no shared module with --self-contained', async () => {
    const result = await matterform('compile', 'schemas/catalogue', '--out', work, '--self-contained');
    expect(result.code).to.equal(0);
    const matters = await sampleMatters();
    expect((await readdir(work)).sort()).to.deep.equal(matters.map((m) => `${m.id}@${m.version}.mjs`).sort());
    for (const matter of matters) {
      const file = join(work, `${matter.id}@${matter.version}.mjs`);
      const source = await readFile(file, 'utf8');
      // Self-contained and CSP-safe: no module imports, no code from strings. (A `require`
      // left behind would throw when the module runs below: ES modules have none.)
      expect(source, file).not.to.match(/^\s*import[\s{*]|\bimport\(|new Function|\beval\(/m);
      await agreesWithRuntime(matter, file);
    }
  });

  it('refuses --self-contained on any other command', async () => {
    const result = await matterform('types', 'schemas/catalogue', '--out', work, '--self-contained');
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('types takes no --self-contained');
  });

  async function agreesWithRuntime(matter: Matter, file: string): Promise<void> {
    const core = await import('@matterform/core');
    const { validate } = (await import(pathToFileURL(file).href)) as { validate: PrecompiledValidateFunction };
    const schema = matter.schema as JsonSchemaObject;
    const precompiled = core.createValidatorFromPrecompiled(schema, validate);
    const runtime = core.compileSchema(schema);
    const check = (condition: JsonSchemaObject, data: unknown) =>
      core.compileSchema({ ...condition, $defs: schema.$defs, definitions: schema.definitions })(data).valid;
    const samples = dataSamples(schema, check);
    let valid = 0;
    for (const data of samples) {
      const a = runtime(data);
      const b = precompiled(data);
      expect(b, `${matter.id}: ${JSON.stringify(data)}`).to.deep.equal(a);
      if (a.valid) valid++;
    }
    // The samples must exercise both verdicts, or agreement would prove little.
    expect(valid, `${matter.id}: no valid sample`).to.be.greaterThan(0);
    expect(valid, `${matter.id}: no invalid sample`).to.be.lessThan(samples.length);
  }
});

describe('matterform writing into a pipe the reader closes (`… | head -1`)', () => {
  it('stops writing quietly and exits 0 when the reader closes stdout after the first chunk', async () => {
    // compile prints one path per matter as it goes, so most lines come after the close.
    const result = await closingStdout('after the first chunk', 'compile', 'schemas/catalogue', '--out', work);
    expect(result.stderr).to.equal('');
    expect(result).to.include({ code: 0, signal: null });
    const matters = await sampleMatters();
    expect(result.firstChunk.startsWith(join(work, 'matterform-validators-')), result.firstChunk).to.equal(true);
    expect(await readdir(work), 'every file is still written').to.have.length(matters.length + 1);
  });

  it('exits 0 with nothing on stderr when stdout is closed before `report --format json` writes', async () => {
    // The report is one large write: a pipe closed after its first chunk may already hold the
    // rest (a socket pair buffers ~200 KiB), so close it before the command writes at all.
    const result = await closingStdout('at once', 'report', 'schemas/catalogue', '--format', 'json');
    expect(result.stderr).to.equal('');
    expect(result).to.include({ code: 0, signal: null, firstChunk: '' });
  });
});

/** Runs the real command with stdout piped to this process, which closes its reading end `when`. */
async function closingStdout(
  when: 'at once' | 'after the first chunk',
  ...args: string[]
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; firstChunk: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repo.pathname, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let firstChunk = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  if (when === 'at once') child.stdout.destroy();
  else
    child.stdout.setEncoding('utf8').once('data', (text: string) => {
      firstChunk = text;
      child.stdout.destroy();
    });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (...end) => resolve(end)),
  );
  return { code, signal, stderr, firstChunk };
}

async function sampleMatters(): Promise<Matter[]> {
  const dir = join(catalogue, 'matters');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as Matter));
}

function pascal(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Data for one schema: a best-effort valid document built from the schema (values that fit
 * each format and pattern, the first option of each choice, the branches its own values
 * select), then variants with one thing broken each, so that both verdicts and many kinds
 * of error are compared.
 */
function dataSamples(root: JsonSchemaObject, check: (schema: JsonSchemaObject, data: unknown) => boolean): unknown[] {
  const valid = build(root, { root, check }, 0);
  const samples: unknown[] = [valid, {}, null, 'text', { ...(valid as object), unexpected: true }];
  for (const [path, value] of leaves(valid)) {
    samples.push(setAt(valid, path, typeof value === 'string' ? 12345 : 'wrong'));
    samples.push(setAt(valid, path, typeof value === 'string' ? '' : -1));
    samples.push(setAt(valid, path, undefined));
  }
  return samples;
}

const FORMAT_SAMPLES: Record<string, string> = {
  'cn-id-number': '430102199003077433',
  'cn-uscc': '91430100MA4L16JQ9D',
  'cn-mobile': '13800138000',
  'cn-postcode': '410000',
  'cn-region': '430102',
  date: '2026-01-15',
  'date-time': '2026-01-15T08:00:00Z',
  email: 'applicant@example.org',
  uri: 'https://example.org/',
};

/** Strings for the patterns the sample catalogue uses; a new pattern needs a line here. */
const PATTERN_SAMPLES: [RegExp, string][] = [
  [/^\^JY/, 'JY12345678901234'],
  [/^\^\[0-9A-Z\]/, '4301A2B3C4D5E6'],
  [/^\^\\d\{4\}-/, '2026-03'],
  [/^\^\\d\{(\d+)/, ''],
];

function patternSample(pattern: string): string {
  for (const [test, sample] of PATTERN_SAMPLES) {
    const match = test.exec(pattern);
    if (match) return sample || '1'.repeat(Number(match[1]));
  }
  return 'x';
}

interface Context {
  root: JsonSchemaObject;
  check: (schema: JsonSchemaObject, data: unknown) => boolean;
}

function build(schema: JsonSchema, context: Context, depth: number): unknown {
  if (typeof schema === 'boolean' || depth > 20) return undefined;
  if (schema.$ref) return build(resolve(context.root, schema.$ref), context, depth + 1);
  if (schema.allOf && !schema.properties && schema.type !== 'object') {
    const parts = schema.allOf.map((p) => (typeof p === 'object' && p.$ref ? resolve(context.root, p.$ref) : p));
    return build(Object.assign({}, ...parts, { ...schema, allOf: undefined }), context, depth + 1);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const choice = schema.oneOf ?? schema.anyOf;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (choice && choice.length > 0 && type !== 'object' && !schema.properties)
    return build(choice[0] as JsonSchema, context, depth + 1);
  if (type === 'object' || schema.properties) return buildObject(schema, context, depth);
  if (type === 'array') {
    const count = schema.minItems ?? 0;
    return Array.from({ length: count }, () => build((schema.items as JsonSchema) ?? true, context, depth + 1));
  }
  if (type === 'integer' || type === 'number')
    return schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1);
  if (type === 'boolean') return true;
  if (schema.format && FORMAT_SAMPLES[schema.format]) return FORMAT_SAMPLES[schema.format];
  if (schema.pattern) return patternSample(schema.pattern);
  return 'x'.repeat(Math.max(schema.minLength ?? 2, 2));
}

/** The required properties, then whatever the branches that the values select require too. */
function buildObject(schema: JsonSchemaObject, context: Context, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const add = (names: string[] | undefined, ...declared: (JsonSchemaObject | undefined)[]) => {
    for (const name of names ?? []) {
      if (name in out) continue;
      const property =
        declared.map((d) => d?.properties?.[name]).find((p) => p !== undefined) ?? schema.properties?.[name];
      if (property !== undefined) out[name] = build(property, context, depth + 1);
    }
  };
  add(schema.required);
  const parts = [
    schema,
    ...(schema.allOf ?? []).map((p) => (typeof p === 'object' && p.$ref ? resolve(context.root, p.$ref) : p)),
  ];
  for (let round = 0; round < 3; round++) {
    for (const part of parts) {
      if (typeof part !== 'object') continue;
      add(part.required);
      if (part.if !== undefined) {
        const holds = context.check(part.if as JsonSchemaObject, out);
        const branch = (holds ? part.then : part.else) as JsonSchemaObject | undefined;
        if (branch) add(branch.required, branch, part);
      }
      for (const [key, names] of Object.entries(part.dependentRequired ?? {})) if (key in out) add(names);
      for (const [key, dependent] of Object.entries({ ...part.dependentSchemas, ...part.dependencies })) {
        if (!(key in out)) continue;
        if (Array.isArray(dependent)) add(dependent);
        else if (typeof dependent === 'object') add(dependent.required, dependent);
      }
      const alternatives = (part.oneOf ?? part.anyOf) as JsonSchemaObject[] | undefined;
      if (alternatives && (part !== schema || schema.properties)) {
        const chosen = alternatives.find((alternative) => context.check(alternative, out)) ?? alternatives[0];
        if (chosen) add(chosen.required, chosen);
      }
    }
  }
  return out;
}

function resolve(root: JsonSchemaObject, ref: string): JsonSchemaObject {
  const path = ref.replace(/^#\/?/, '').split('/').filter(Boolean);
  let node: unknown = root;
  for (const token of path) node = (node as Record<string, unknown>)[token];
  return node as JsonSchemaObject;
}

function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return path.length ? [[path, value]] : [];
}

function setAt(value: unknown, path: string[], leaf: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node = copy;
  for (const token of path.slice(0, -1)) node = node[token] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  if (leaf === undefined) delete node[last];
  else node[last] = leaf;
  return copy;
}
