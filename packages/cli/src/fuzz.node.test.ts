// Property-based fuzzing of the catalogue pipeline (issue 17): structure-aware documents near
// the valid space (arbitrary-documents.test-helpers.ts) through the loader, `validate` (the
// matter problems, the fixtures check, the compiled validator run on data), the colour
// `report` in every format, and `compile`. Each stage either answers — problems naming a file
// and a JSON Pointer — or throws an Error of its own with a message; never a TypeError,
// RangeError or stack overflow, never a hang (fast-check's per-run timeout is the hang
// detector: a run that does not end in time fails with its seed and path for replay).
import { expect } from 'chai';
import fc from 'fast-check';
import {
  checkFixtures,
  collectFields,
  compileSchema,
  createConditionTester,
  layoutSteps,
  loadCatalogue,
  loadCatalogueFiles,
  matterProblems,
  rateCatalogue,
  type CatalogueLoad,
  type JsonSchemaObject,
  type Matter,
  type Problem,
} from '@matterform/core';
import {
  arbitraryCatalogue,
  arbitraryMatter,
  editText,
  textEdit,
} from '../../core/src/catalogue/arbitrary-documents.test-helpers.js';
import { sample } from '../../core/src/catalogue/sample-catalogue.test-helpers.js';
import { compileMatter } from './compile.js';
import { REPORT_FORMATS, renderReport } from './report.js';

/** Runs per stage; the whole file stays well under a minute on a shared CI core. */
const RUNS = { loader: 400, files: 250, matter: 400, compile: 150 };
/** fast-check's hang detector: a run that takes longer fails (a hung run never ends). */
const HANG_MS = 5_000;
const SETTINGS = { timeout: HANG_MS } as const;

/** Errors a bug throws, as opposed to the Error a stage throws to say what is wrong. */
function isCrash(error: unknown): boolean {
  return (
    !(error instanceof Error) ||
    error instanceof TypeError ||
    error instanceof RangeError ||
    error instanceof ReferenceError ||
    error instanceof SyntaxError ||
    /call stack|recursion/i.test(error.message)
  );
}

function expectLocated(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.file, p.code).to.be.a('string').and.not.equal('');
    expect(p.pointer, `${p.file} ${p.code}`)
      .to.be.a('string')
      .and.match(/^(\/.*)?$/s);
    expect(p.message.en, `${p.file} ${p.pointer}`).to.be.a('string').and.not.equal('');
    expect(p.message['zh-CN'], `${p.file} ${p.pointer}`).to.be.a('string').and.not.equal('');
  }
}

/** What comes after the loader, for the matters it let through: validate, report. */
function downstream(load: CatalogueLoad): void {
  expect(load.ok).to.equal(load.errors.length === 0);
  for (const matter of load.catalogue.matters) {
    expectLocated(matterProblems(matter, load.catalogue));
    // Data of every kind through the compiled validator: errors come back as pointers.
    const validate = compileSchema(matter.schema as JsonSchemaObject);
    for (const data of [{}, null, { applicant: { name: 1 } }, { housing: 'rented', landlord: '\ud800' }]) {
      const { errors } = validate(data);
      for (const e of errors) expect(e.pointer).to.be.a('string');
    }
  }
  const fixtures = { subjects: [{ subject: { kind: 'person', id: '430102199003150311' }, label: 'synthetic' }] };
  expectLocated(checkFixtures(fixtures, load.catalogue, { today: new Date('2026-01-01T00:00:00Z') }).problems);
  const report = rateCatalogue(load.catalogue);
  for (const format of REPORT_FORMATS)
    for (const lang of ['zh-CN', 'en'] as const)
      expect(renderReport(report, load.catalogue, format, lang)).to.be.a('string');
}

/** `stage()` either returns or throws an Error of ours; a crash fails the property with its seed. */
async function noCrash(stage: () => unknown): Promise<void> {
  try {
    await stage();
  } catch (error) {
    if (isCrash(error)) throw error;
    expect((error as Error).message)
      .to.be.a('string')
      .and.not.equal('');
  }
}

describe(`fuzz: ${RUNS.loader + RUNS.files + RUNS.matter} catalogue and matter documents, ${RUNS.compile} more through compile`, function () {
  this.timeout(120_000);

  it(`${RUNS.loader} catalogue objects through loadCatalogue, validate and report: problems with file and pointer, no crash`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCatalogue(), async ({ catalogue }) => {
        const load = loadCatalogue(catalogue, { file: 'fuzz.json' });
        expectLocated(load.problems);
        await noCrash(() => downstream(load));
      }),
      { numRuns: RUNS.loader, seed: 1717, ...SETTINGS },
    );
  });

  it(`${RUNS.files} catalogue folders as JSON text (1e999, lone surrogates, BOM, truncated) through loadCatalogueFiles`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryCatalogue(), textEdit, textEdit, async ({ catalogue }, editConcepts, editMatter) => {
        const document = catalogue as Record<string, unknown>;
        const text = (value: unknown) => JSON.stringify(value ?? null, null, 2);
        const matters = Array.isArray(document?.matters) ? document.matters : [document?.matters];
        const load = loadCatalogueFiles({
          concepts: { file: 'fuzz/concepts.json', text: editText(text(document?.concepts), editConcepts) },
          sources: { file: 'fuzz/sources.json', text: text(document?.sources) },
          licences: { file: 'fuzz/licences.json', text: text(document?.licences) },
          matters: matters.map((m, i) => ({ file: `fuzz/matters/m${i}.json`, text: editText(text(m), editMatter) })),
        });
        expectLocated(load.problems);
        for (const p of load.problems) expect(p.file).to.match(/^fuzz\//);
        await noCrash(() => downstream(load));
      }),
      { numRuns: RUNS.files, seed: 1718, ...SETTINGS },
    );
  });

  it(`${RUNS.matter} matter documents through matterProblems (the designer's validate) in the sample catalogue`, async () => {
    const base = loadCatalogue(sample());
    expect(base.problems).to.deep.equal([]);
    await fc.assert(
      fc.asyncProperty(arbitraryMatter(), async (matter) => {
        const problems = matterProblems(matter, base.catalogue, { file: 'matters/fuzz.json' });
        expectLocated(problems);
        for (const p of problems) expect(p.file).to.equal('matters/fuzz.json');
        if (problems.some((p) => p.severity === 'error')) return;
        const load = loadCatalogue({ ...sample(), matters: [matter] });
        await noCrash(() => downstream(load));
      }),
      { numRuns: RUNS.matter, seed: 1719, ...SETTINGS },
    );
  });

  it(`${RUNS.compile} matters: those validate passes (about a third) compile to a CSP-safe module`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryMatter(), async (matter) => {
        const load = loadCatalogue({ ...sample(), matters: [matter] });
        // As the command does: a catalogue with errors is not compiled.
        if (!load.ok) return;
        for (const loaded of load.catalogue.matters) {
          // `validate` passed it: compile must succeed.
          const module = await compileMatter(loaded);
          expect(module).to.match(/export/);
        }
      }),
      { numRuns: RUNS.compile, seed: 1720, ...SETTINGS },
    );
  });
});

// What the element's fuzz found (seed 1721), in the core functions it draws with.
describe('fuzz regressions in core', () => {
  const matter = (change: (m: Record<string, unknown>) => void): Matter => {
    const m = sample().matters[0] as Record<string, unknown>;
    change(m);
    return m as unknown as Matter;
  };

  it('layoutSteps: a step whose fields are not a list of pointers is an Error naming it, not a TypeError', () => {
    for (const fields of ['/applicant', null, [1], ['applicant']]) {
      const m = matter((d) => (d.layout = { steps: [{ title: 'Step', fields }] }));
      expect(() => layoutSteps(m, collectFields(m.schema as JsonSchemaObject)), JSON.stringify(fields))
        .to.throw(Error, '/layout/steps/0/fields: must be a list of JSON Pointers')
        .that.is.not.instanceOf(TypeError);
    }
  });

  it('the condition tester takes an `if` ajv cannot compile as not holding, instead of throwing while a form draws', () => {
    const m = matter((d) => ((d.schema as { if: Record<string, unknown> }).if.format = { type: 'array' }));
    const schema = m.schema as JsonSchemaObject;
    expect(createConditionTester(schema)(schema.if as JsonSchemaObject, { housing: 'rented' })).to.equal(false);
    // The data validator compiles the same keyword and says what is wrong.
    expect(() => compileSchema(schema)).to.throw(/format value must be/);
  });
});
