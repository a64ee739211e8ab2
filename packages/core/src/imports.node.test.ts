// Core's folders are layered (schema at the bottom, then validation and connectors, then
// catalogue, submission, colour and the engines): a module that imports one that imports it
// back cannot be understood, moved or lazily loaded alone. Read from the sources, so a new
// import that closes a loop fails here before anyone has to find it by hand.
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = dirname(fileURLToPath(import.meta.url));

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
      return /\.ts$/.test(entry.name) && !/\.test(-helpers)?\.ts$|\.d\.ts$/.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

/** Each source file (relative to src/) with the source files it imports: static, type-only and `import()`. */
async function importGraph(): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const file of await sourceFiles(src)) {
    const text = await readFile(file, 'utf8');
    const targets = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)\.js'/g)].map((m) =>
      relative(src, join(dirname(file), `${m[1] as string}.ts`)),
    );
    graph.set(
      relative(src, file),
      [...new Set(targets)].filter((t) => !t.startsWith('generated/')),
    );
  }
  return graph;
}

/** One loop of `graph`, as the names along it, or undefined when there is none. */
function findLoop(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const loop = visit(next);
      if (loop) return loop;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const loop = visit(node);
    if (loop) return loop;
  }
  return undefined;
}

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);

describe('core imports', () => {
  it('no module imports, through any chain, a module that imports it', async () => {
    const graph = await importGraph();
    expect(graph.get('engines/fetch-providers.ts')).to.include('validation/checks.ts');
    expect(findLoop(graph)).to.equal(undefined);
  });

  it('no folder imports, through any chain, a folder that imports it', async () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of await importGraph()) {
      const from = folderOf(file);
      const set = folders.get(from) ?? new Set();
      for (const target of targets) if (folderOf(target) !== from) set.add(folderOf(target));
      folders.set(from, set);
    }
    expect(findLoop(new Map([...folders].map(([folder, set]) => [folder, [...set]])))).to.equal(undefined);
  });

  it('the schema folder stands on nothing else of core', async () => {
    for (const [file, targets] of await importGraph())
      if (file.startsWith('schema/')) for (const target of targets) expect(target, file).to.match(/^schema\//);
  });

  it('finds a loop where there is one', () => {
    const loop = findLoop(
      new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', ['c.ts']],
        ['c.ts', ['a.ts']],
      ]),
    );
    expect(loop).to.deep.equal(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
  });
});
