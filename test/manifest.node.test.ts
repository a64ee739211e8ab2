// The custom-elements manifests the build writes (SPEC §9) declare what SPEC §5 and the
// packages' READMEs promise: what IDEs, Storybook and framework wrappers will read.
// Reads packages/elements/custom-elements.json and packages/designer/custom-elements.json:
// `npm run build` (or `npm run manifest`) makes them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

interface Named {
  name: string;
  description?: string;
  type?: { text: string };
  fieldName?: string;
  kind?: string;
  static?: boolean;
  privacy?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  members?: Named[];
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[] }[];
}

const root = new URL('../', import.meta.url);
// The shared specification sits beside the repository when there is one (as peer-schemas does);
// MATTERFORM_SPEC names it elsewhere.
const SPEC = fileURLToPath(new URL(process.env.MATTERFORM_SPEC ?? '../shared/SPEC.md', root));

function manifestOf(pkg: 'elements' | 'designer'): Manifest {
  const pkgJson = JSON.parse(readFileSync(new URL(`packages/${pkg}/package.json`, root), 'utf8')) as {
    customElements?: string;
    files?: string[];
  };
  expect(pkgJson.customElements, `${pkg}'s package.json customElements`).to.equal('custom-elements.json');
  expect(pkgJson.files, `${pkg}'s package.json files`).to.include('custom-elements.json');
  const file = new URL(`packages/${pkg}/${pkgJson.customElements}`, root);
  if (!existsSync(file)) throw new Error(`${file.pathname} is missing: run npm run build`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

function element(manifest: Manifest, tag: string): Declaration {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName === tag);
  expect(found, `<${tag}> in the manifest`).to.have.length(1);
  return found[0] as Declaration;
}

/** SPEC §5's events table (`| \`matter-ready\` | … |`), or the same list as of SPEC v3 without it. */
function specEvents(): string[] {
  if (!existsSync(SPEC)) {
    // SPEC v3 §5's table, kept here for checkouts without the shared specification.
    return [
      'matter-ready',
      'matter-consent',
      'matter-prefill',
      'matter-input',
      'matter-step',
      'matter-submit',
      'matter-submitted',
      'matter-error',
    ];
  }
  const text = readFileSync(SPEC, 'utf8');
  const section = text.slice(text.indexOf('## 5.'), text.indexOf('## 6.'));
  const names = [...section.matchAll(/^\| `(matter-[a-z-]+)` \|/gm)].map((m) => m[1] as string);
  expect(names, 'events in the SPEC §5 table').to.have.length.greaterThan(5);
  return names;
}

interface Documented {
  parts: string[];
  properties: string[];
}

/**
 * The parts (first column of a table headed `part`) and `--matter-…` custom properties a README
 * names, per element: a `## \`<tag>\`` heading starts that element's section; before the first
 * one, `first`'s.
 */
function documented(pkg: 'elements' | 'designer', first: string): Map<string, Documented> {
  const text = readFileSync(new URL(`packages/${pkg}/README.md`, root), 'utf8');
  const byTag = new Map<string, Documented>();
  let tag = first;
  let inPartTable = false;
  const entry = (): Documented => {
    const found = byTag.get(tag) ?? { parts: [], properties: [] };
    byTag.set(tag, found);
    return found;
  };
  for (const line of text.split('\n')) {
    const heading = /^##+ `<([a-z-]+)>`/.exec(line);
    if (heading) tag = heading[1] as string;
    entry().properties.push(...[...line.matchAll(/`(--matter-[a-z0-9-]+)`/g)].map((m) => m[1] as string));
    // `--matter-space-1` … `--matter-space-4` names a range.
    for (const m of line.matchAll(/`--matter-space-(\d)` … `--matter-space-(\d)`/g)) {
      for (let i = Number(m[1]); i <= Number(m[2]); i++) entry().properties.push(`--matter-space-${i}`);
    }
    if (/^\| part \|/.test(line)) inPartTable = true;
    else if (!line.startsWith('|')) inPartTable = false;
    else if (inPartTable && !line.startsWith('| ---')) {
      const cell = line.split('|')[1] ?? '';
      entry().parts.push(...[...cell.matchAll(/`([a-z<>-]+)`/g)].map((m) => m[1] as string));
    }
  }
  for (const [name, { parts, properties }] of byTag) {
    byTag.set(name, { parts: [...new Set(parts)], properties: [...new Set(properties)] });
  }
  return byTag;
}

/** `material-<status>` stands for one part per material status (SPEC §3.3). */
const MATERIAL_STATUSES = ['not-applicable', 'onsite', 'licence', 'data', 'uploaded', 'archive', 'expired', 'missing'];

/** The documented parts `declared` lacks; `x-<y>` (another placeholder) needs some declared `x-…`. */
function missingParts(documentedParts: string[], declared: string[]): string[] {
  return documentedParts
    .flatMap((p) => (p === 'material-<status>' ? MATERIAL_STATUSES.map((s) => `material-${s}`) : [p]))
    .filter((p) => {
      const placeholder = p.indexOf('<');
      if (placeholder < 0) return !declared.includes(p);
      return !declared.some((d) => d.startsWith(p.slice(0, placeholder)));
    });
}

/** Every part and custom property a README documents for an element is declared on it. */
function expectDeclared(manifest: Manifest, sections: Map<string, Documented>): void {
  for (const [tag, { parts, properties }] of sections) {
    const el = element(manifest, tag);
    expect(missingParts(parts, names(el.cssParts)), `<${tag}>'s parts missing`).to.deep.equal([]);
    const declared = names(el.cssProperties);
    expect(
      properties.filter((p) => !declared.includes(p)),
      `<${tag}>'s custom properties missing`,
    ).to.deep.equal([]);
  }
}

const names = (list: Named[] | undefined): string[] => (list ?? []).map((x) => x.name);

describe('custom-elements.json', () => {
  const elements = manifestOf('elements');
  const designer = manifestOf('designer');
  const form = element(elements, 'matter-form');

  it('declares every event of SPEC §5 on <matter-form>, with its detail type', () => {
    for (const name of [...specEvents(), 'matter-materials']) {
      const event = (form.events ?? []).find((e) => e.name === name);
      expect(event, `<matter-form> fires ${name}`).to.exist;
      expect(event?.type?.text, `${name}'s type`).to.match(/^CustomEvent<Matter\w+Detail>$/);
      expect(event?.description, `${name}'s description`).to.be.a('string').and.not.empty;
    }
  });

  it("lists <matter-form>'s public properties and attributes of SPEC §5", () => {
    const fields = (form.members ?? []).filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private');
    // `schema` (a bare JSON Schema, issue 15) lands with the bare-schema work.
    for (const name of [
      'matter',
      'schema',
      'catalogue',
      'subject',
      'connectors',
      'value',
      'validators',
      'archive',
      'consent',
      'lang',
      'readonly',
      'disabled',
      'name',
    ]) {
      expect(names(fields), `property ${name}`).to.include(name);
    }
    for (const name of [
      'src',
      'catalogue-src',
      'validator-src',
      'gateway',
      'action',
      'lang',
      'consent',
      'name',
      'readonly',
      'disabled',
    ]) {
      expect(names(form.attributes), `attribute ${name}`).to.include(name);
    }
    const catalogueSrc = (form.attributes ?? []).find((a) => a.name === 'catalogue-src');
    expect(catalogueSrc?.fieldName).to.equal('catalogueSrc');
    // Lit's private state is no part of the API.
    expect(names(fields).filter((n) => n.startsWith('_'))).to.deep.equal([]);
    expect(names(form.attributes).filter((n) => n.startsWith('_'))).to.deep.equal([]);
    expect(form.summary).to.be.a('string').and.not.empty;
  });

  it('declares every part and custom property packages/elements/README.md documents, on its element', () => {
    const sections = documented('elements', 'matter-form');
    // The README's theming tables are the form's: it draws the materials step too.
    expect(sections.get('matter-form')?.parts.length, 'parts found for <matter-form>').to.be.greaterThan(20);
    expect(sections.get('matter-form')?.properties.length, 'properties found for <matter-form>').to.be.greaterThan(20);
    expectDeclared(elements, sections);
    const materials = element(elements, 'matter-materials');
    const materialProps = names(form.cssProperties).filter((p) => p.startsWith('--matter-material'));
    expect(materialProps.filter((p) => !names(materials.cssProperties).includes(p))).to.deep.equal([]);
    expect(names(materials.events)).to.include('matter-materials');
  });

  it('declares <matter-designer> and <matter-catalogue> with their events and what the designer README documents', () => {
    const designerElement = element(designer, 'matter-designer');
    const catalogue = element(designer, 'matter-catalogue');
    for (const [el, events] of [
      [designerElement, ['matter-change', 'matter-save', 'matter-publish']],
      [catalogue, ['matter-open']],
    ] as const) {
      for (const name of events) {
        const event = (el.events ?? []).find((e) => e.name === name);
        expect(event?.type?.text, `<${el.tagName}> ${name}`).to.match(/^CustomEvent<Matter\w+Detail>$/);
      }
      expect(el.cssParts?.length, `<${el.tagName}>'s parts`).to.be.greaterThan(5);
      expect(names(el.cssProperties), `<${el.tagName}>'s custom properties`).to.include('--matter-color-accent');
    }
    expectDeclared(designer, documented('designer', 'matter-designer'));
  });

  it('picks up every element defined under src (one entry per tag)', () => {
    const tags = [...elements.modules, ...designer.modules]
      .flatMap((m) => m.declarations ?? [])
      .flatMap((d) => (d.tagName ? [d.tagName] : []));
    expect(new Set(tags).size, 'no tag twice').to.equal(tags.length);
    expect(tags).to.include.members(['matter-form', 'matter-materials', 'matter-designer', 'matter-catalogue']);
    // <matter-status> (case tracking) appears once its source is under packages/elements/src.
    if (existsSync(new URL('packages/elements/src/status/', root))) expect(tags).to.include('matter-status');
  });
});
