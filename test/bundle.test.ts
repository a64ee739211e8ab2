// dist/matterform.js is what department sites load with one <script type="module">: it must
// work on its own in a browser and carry no compiler (SPEC §9). ajv's compiler is a chunk of
// its own, fetched by `loadMatterChecks` only when a matter has no precompiled validator.
import { expect } from 'chai';
import {
  compiledValidator,
  loadedChunks,
  importBundle,
  sampleMatters,
  type Bundle,
} from './bundle-checks.test-helpers.js';
import type { CSSResult } from 'lit';
import { MatterForm } from '../packages/elements/src/form/matter-form.js';
import { MatterMaterials } from '../packages/elements/src/materials/matter-materials.js';

// Error messages of ajv's code generator and compiler: any build of ajv that can compile a
// schema has them, and nothing else in the bundle says them.
const COMPILER_MARKERS = ['CodeGen: ', 'ajv implementation error'];

async function text(path: string): Promise<string> {
  const response = await fetch(path);
  expect(response.status, path).to.equal(200);
  return response.text();
}

describe('dist/matterform.js', () => {
  let bundle: Bundle;
  before(async () => {
    bundle = await importBundle();
  });

  it('holds no part of ajv’s compiler, nor the catalogue checker or the rater, and imports nothing statically', async () => {
    const main = await text('/dist/matterform.js');
    for (const marker of COMPILER_MARKERS) expect(main, marker).not.to.contain(marker);
    // The meta-schemas' ids, and a rule name only the four-colour rater uses.
    expect(main).not.to.contain('matterform.dev/schemas/');
    expect(main).not.to.contain('manual-fields');
    expect(main).not.to.match(/(^|[;}])\s*(import|export)[^(;]*\bfrom\s*["']/);
    for (const name of ['compileSchema', 'loadCatalogue', 'rateMatter', 'standaloneSource'])
      expect(bundle, name).not.to.have.property(name);
  });

  it('loads the compiler from a chunk of its own, by a dynamic import', async () => {
    const main = await text('/dist/matterform.js');
    const chunks = [...main.matchAll(/\bimport\(\s*["'](\.\/chunks\/[^"']+\.js)["']\s*\)/g)].map((m) => m[1] as string);
    expect(chunks).to.have.length.of.at.least(1);
    const withCompiler = [];
    for (const chunk of chunks) {
      const source = await text(new URL(chunk, new URL('/dist/matterform.js', location.href)).pathname);
      if (COMPILER_MARKERS.every((marker) => source.includes(marker))) withCompiler.push(chunk);
    }
    expect(withCompiler).to.have.length(1);
  });

  it('checks a matter with its compiled validator without fetching the compiler', async () => {
    const [matter] = (await sampleMatters()).filter((m) => m.id === 'residence-permit');
    if (!matter) throw new Error('the sample catalogue has no residence-permit');
    const checks = await bundle.loadMatterChecks(matter.schema, await compiledValidator(matter), {
      conditions: (matter.materials ?? []).map((m) => m.when),
    });
    expect(checks.precompiled).to.equal(true);
    const rented = { properties: { housing: { const: 'rented' } }, required: ['housing'] };
    expect(checks.test(rented, { housing: 'rented' })).to.equal(true);
    expect(checks.test(rented, { housing: 'owned' })).to.equal(false);
    expect(checks.validate({ housing: 'rented' }).errors.map((e) => e.pointer)).to.include('/applicant');
    // Only the field messages' chunk: never the compiler.
    const loaded = loadedChunks();
    expect(loaded.map((chunk) => chunk.replace(/-[\w-]{8}\.js$/, ''))).to.deep.equal(['/dist/chunks/field-errors']);
    for (const chunk of loaded) for (const marker of COMPILER_MARKERS) expect(await text(chunk)).not.to.contain(marker);
  });

  it('compiles at run time, fetching the compiler chunk, when given no validator', async () => {
    const checks = await bundle.loadMatterChecks({
      type: 'object',
      required: ['mobile'],
      properties: {
        mobile: { type: 'string', format: 'cn-mobile', 'x-i18n': { en: { title: 'Mobile' } }, title: '手机' },
      },
    });
    expect(checks.precompiled).to.equal(false);
    expect(checks.validate({ mobile: '13800138000' }).valid).to.equal(true);
    const { errors } = checks.validate({ mobile: '12345' });
    expect(errors.map((e) => e.pointer)).to.deep.equal(['/mobile']);
    expect(errors[0]?.message.en).to.contain('Mobile');
    // The compiler's chunk, and the field messages' it shares with precompiled validators.
    const loaded = loadedChunks().map((chunk) => chunk.replace(/-[\w-]{8}\.js$/, ''));
    expect(loaded.sort()).to.deep.equal(['/dist/chunks/field-errors', '/dist/chunks/validate']);
  });

  it('carries the stylesheets as written, only the white space the build takes out missing', () => {
    const texts = (element: { styles?: unknown }) => [element.styles].flat(9).map((s) => (s as CSSResult).cssText);
    // As the browser reads each rule; a space after a comma or inside parentheses is not
    // significant there, and the build drops it.
    const rules = (element: { styles?: unknown }) =>
      texts(element).flatMap((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return [...sheet.cssRules].map((rule) => rule.cssText.replace(/([,(])\s+/g, '$1').replace(/\s+\)/g, ')'));
      });
    for (const [bundled, source] of [
      [bundle.MatterForm, MatterForm],
      [bundle.MatterMaterials, MatterMaterials],
    ] as const) {
      const built = rules(bundled);
      expect(built, source.name).to.deep.equal(rules(source));
    }
    // <matter-materials> adopts its own with its chunk; the form's are all here.
    expect(rules(bundle.MatterForm).length).to.be.greaterThan(20);
    // What the build takes out is there to take in the source.
    expect(texts(bundle.MatterForm).join('')).not.to.match(/\n\s/);
    expect(texts(MatterForm).join('')).to.match(/\n\s/);
  });

  it('normalises identifiers as the form does; the checks of each format stay with the package', () => {
    expect(bundle.normalizeIdentifier('４３０１０２ 1990-0307 743x')).to.equal('43010219900307743X');
    // The compiled validators carry the format checks: the entry does not (SPEC §9's budget).
    expect(Object.keys(bundle)).not.to.include('isCnIdNumber');
  });
});
