// The browser bundles of SPEC §9, published in their packages too, so a plain HTML page can
// load them from any npm CDN (`…/@matterform/elements/dist/cdn/matterform.js`) with nothing
// built: dist/matterform.js and its chunks/ into @matterform/elements, the designer's into
// @matterform/designer. Maps stay behind (they point at sources outside the package), and so
// does the comment naming each one.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);

const BUNDLES = [
  { entry: 'matterform.js', chunks: 'chunks', into: 'packages/elements/dist/cdn/' },
  { entry: 'matterform-designer.js', chunks: 'designer-chunks', into: 'packages/designer/dist/cdn/' },
];

for (const { entry, chunks, into } of BUNDLES) {
  const target = new URL(into, root);
  // A chunk whose hash changed must not linger beside the new one.
  await rm(target, { recursive: true, force: true });
  await mkdir(new URL(`${chunks}/`, target), { recursive: true });
  await copyWithoutMap(`dist/${entry}`, new URL(entry, target));
  for (const name of await readdir(new URL(`dist/${chunks}/`, root)))
    if (name.endsWith('.js')) await copyWithoutMap(`dist/${chunks}/${name}`, new URL(`${chunks}/${name}`, target));
}

async function copyWithoutMap(from, to) {
  const code = await readFile(new URL(from, root), 'utf8');
  await writeFile(to, code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
}
