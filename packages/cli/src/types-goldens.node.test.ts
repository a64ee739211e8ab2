// `matterTypes` over the sample catalogue against the committed goldens; after an intended
// change, `npm run build && npm run goldens:update` rewrites them (review the diff).
import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { matterTypes, type TypedMatter } from './types.js';

const repo = new URL('../../../', import.meta.url);
const mattersDir = new URL('schemas/catalogue/matters/', repo);
const goldensDir = new URL('packages/cli/test-goldens/types/', repo);

async function filesEndingWith(dir: URL, suffix: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith(suffix)).sort();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
}

/** A unified-style diff of two texts, `context` lines around each change. */
function lineDiff(expected: string, actual: string, context = 3): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  // Longest common subsequence table, from the ends; goldens are a few hundred lines.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i] ?? [];
    const below = lcs[i + 1] ?? [];
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const lines: { mark: ' ' | '-' | '+'; text: string; at: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ mark: ' ', text: a[i] ?? '', at: i + 1 });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      lines.push({ mark: '-', text: a[i] ?? '', at: i + 1 });
      i++;
    } else {
      lines.push({ mark: '+', text: b[j] ?? '', at: i + 1 });
      j++;
    }
  }
  const near = lines.map((_, k) => lines.slice(Math.max(0, k - context), k + context + 1).some((l) => l.mark !== ' '));
  const out: string[] = [];
  lines.forEach((line, k) => {
    if (!near[k]) return;
    if (k === 0 || !near[k - 1]) out.push(`@@ golden line ${line.at} @@`);
    out.push(`${line.mark} ${line.text}`);
  });
  return out.join('\n');
}

const matters = await Promise.all(
  (await filesEndingWith(mattersDir, '.json')).map(async (file) => ({
    file,
    matter: JSON.parse(await readFile(new URL(file, mattersDir), 'utf8')) as TypedMatter,
  })),
);
const goldens = await filesEndingWith(goldensDir, '.d.ts');

describe('matterform types: goldens (packages/cli/test-goldens/types)', () => {
  if (goldens.length === 0) {
    it('has goldens to compare with', () => {
      throw new Error(
        'packages/cli/test-goldens/types/ is empty: run `npm run build && npm run goldens:update` to write them from schemas/catalogue/matters, review and commit them',
      );
    });
    return;
  }

  for (const { file, matter } of matters) {
    it(`${file} → ${matter.id}.d.ts`, async () => {
      const name = `${matter.id}.d.ts`;
      if (!goldens.includes(name)) throw new Error(`no golden ${name}: run \`npm run goldens:update\``);
      const golden = await readFile(new URL(name, goldensDir), 'utf8');
      const actual = await matterTypes(matter);
      if (actual !== golden) {
        expect.fail(
          `${name} differs from its golden (- golden, + now); if intended, run \`npm run goldens:update\`:\n${lineDiff(golden, actual)}`,
        );
      }
    });
  }

  it('has no golden without a matter', () => {
    const stale = goldens.filter((name) => !matters.some(({ matter }) => `${matter.id}.d.ts` === name));
    expect(stale, 'goldens whose matter is gone: run `npm run goldens:update`').to.deep.equal([]);
  });
});

describe('lineDiff', () => {
  it('shows removed and added lines with context', () => {
    const golden = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].join('\n');
    const now = ['a', 'b', 'c', 'd', 'E', 'f', 'g', 'h', 'i', 'j'].join('\n');
    expect(lineDiff(golden, now, 1)).to.equal(
      ['@@ golden line 4 @@', '  d', '- e', '+ E', '  f', '@@ golden line 9 @@', '  i', '+ j'].join('\n'),
    );
  });
});
