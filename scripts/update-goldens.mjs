// Regenerates the committed goldens the CLI tests compare with:
// packages/cli/test-goldens/types/<id>.d.ts for every matter in schemas/catalogue/matters/*.json.
// Runs on the built CLI, so `npm run build` first. Review the diff before committing it.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';

const repo = new URL('../', import.meta.url);
const mattersDir = new URL('schemas/catalogue/matters/', repo);
const typesDir = new URL('packages/cli/test-goldens/types/', repo);

let matterTypes;
try {
  ({ matterTypes } = await import(new URL('packages/cli/dist/types.js', repo).href));
} catch (error) {
  console.error(
    `update-goldens: cannot load packages/cli/dist/types.js; run \`npm run build\` first (${error.message})`,
  );
  process.exit(1);
}

async function jsonFiles(dir) {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

async function updateTypes() {
  const files = await jsonFiles(mattersDir);
  if (files.length === 0) {
    console.error('update-goldens: no matters in schemas/catalogue/matters/');
    return false;
  }
  await mkdir(typesDir, { recursive: true });
  const written = new Set();
  let ok = true;
  for (const file of files) {
    let matter;
    try {
      matter = JSON.parse(await readFile(new URL(file, mattersDir), 'utf8'));
    } catch (error) {
      console.error(`schemas/catalogue/matters/${file}: ${error.message}`);
      ok = false;
      continue;
    }
    const name = `${matter.id}.d.ts`;
    await writeFile(new URL(name, typesDir), await matterTypes(matter));
    written.add(name);
    console.log(`packages/cli/test-goldens/types/${name}`);
  }
  // A golden whose matter is gone would fail the test forever.
  for (const name of await readdir(typesDir)) {
    if (name.endsWith('.d.ts') && !written.has(name)) {
      await rm(new URL(name, typesDir));
      console.log(`packages/cli/test-goldens/types/${name} (removed)`);
    }
  }
  return ok;
}

process.exitCode = (await updateTypes()) ? 0 : 1;
