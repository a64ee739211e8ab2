// Embeds schemas/*.schema.json into packages/core/src/generated/meta-schemas.ts so the
// catalogue loader has its meta-schemas in browsers too (no fetch, no JSON import).
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const names = ['concept', 'source', 'licence', 'matter', 'catalogue', 'fixtures'];
const out = new URL('packages/core/src/generated/meta-schemas.ts', root);

const lines = [
  '// Generated from schemas/*.schema.json by scripts/gen-meta-schemas.mjs. Do not edit.',
  '',
  'export const metaSchemas: Record<MetaSchemaName, Record<string, unknown>> = {',
];
for (const name of names) {
  const text = await readFile(new URL(`schemas/${name}.schema.json`, root), 'utf8');
  lines.push(`  ${JSON.stringify(name)}: ${JSON.stringify(JSON.parse(text))},`);
}
lines.push('};', '', `export type MetaSchemaName = ${names.map((n) => JSON.stringify(n)).join(' | ')};`, '');
await mkdir(new URL('./', out), { recursive: true });
await writeFile(out, lines.join('\n'));
console.log('gen-meta-schemas: wrote packages/core/src/generated/meta-schemas.ts');
