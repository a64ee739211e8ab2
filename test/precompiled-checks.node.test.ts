// `matterform compile` precompiles every check the form runs (SPEC §5 "Validation"): whole-data
// validation, branch conditions, materials' `when`s and the prefill's value checks. They must
// answer exactly as the checks compiled at run time do, and need no code generation at all.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import {
  conditionSchemas,
  evaluateMaterials,
  loadMatterChecks,
  planMatter,
  prefill,
  recordConsents,
  staticConnector,
  type Catalogue,
  type Fixtures,
  type JsonSchema,
  type JsonSchemaObject,
  type Matter,
  type MatterChecks,
  type PrecompiledMatterValidator,
} from '@matterform/core';
import { loadCatalogueFrom, loadFixturesFrom } from '@matterform/core/node';
import { checkSamples } from './check-samples.test-helpers.js';

const run = promisify(execFile);
const repo = new URL('../', import.meta.url).pathname;
const NOW = () => new Date('2026-11-26T12:00:00Z');

const CATALOGUES = [
  { name: 'the sample catalogue', catalogue: 'schemas/catalogue', fixtures: 'schemas/catalogue/fixtures.json' },
  {
    name: 'the engine fixtures',
    catalogue: 'test/fixtures/engine/catalogue.json',
    fixtures: 'test/fixtures/engine/fixtures.json',
  },
];

const whens = (matter: Matter) => (matter.materials ?? []).map((m) => m.when as JsonSchema | undefined);

describe('checks precompiled by matterform compile', () => {
  let out = '';
  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'matterform-checks-'));
  });
  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  for (const source of CATALOGUES) {
    describe(source.name, () => {
      let catalogue: Catalogue;
      let fixtures: Fixtures;
      const validators = new Map<string, PrecompiledMatterValidator>();

      before(async () => {
        const load = await loadCatalogueFrom(join(repo, source.catalogue));
        expect(load.ok, source.catalogue).to.equal(true);
        catalogue = load.catalogue;
        fixtures = (await loadFixturesFrom(join(repo, source.fixtures), catalogue)).fixtures as Fixtures;
        const dir = join(out, source.name.replace(/\W+/g, '-'));
        await run(process.execPath, ['packages/cli/bin/matterform.js', 'compile', source.catalogue, '--out', dir], {
          cwd: repo,
        });
        for (const matter of catalogue.matters) {
          const file = join(dir, `${matter.id}@${matter.version}.mjs`);
          const module = (await import(pathToFileURL(file).href)) as { validate: PrecompiledMatterValidator };
          validators.set(matter.id, module.validate);
        }
      });

      it('files a check under every key the run-time tester asks for, and nothing else', () => {
        for (const matter of catalogue.matters) {
          const expected = [...conditionSchemas(matter.schema as JsonSchemaObject, whens(matter)).keys()].sort();
          const conditions = validators.get(matter.id)?.conditions ?? {};
          expect(Object.keys(conditions).sort(), matter.id).to.deep.equal(expected);
          expect(expected.length, `${matter.id} has conditions`).to.be.greaterThan(0);
        }
      });

      it('answers every condition and validates data as the run-time checks do', async () => {
        for (const matter of catalogue.matters) {
          const schema = matter.schema as JsonSchemaObject;
          const { precompiled, runtime } = await bothChecks(matter, validators);
          const conditions = [...conditionSchemas(schema, whens(matter)).values()];
          const samples = checkSamples(conditions);
          for (const condition of conditions) {
            const verdicts = new Set<boolean>();
            for (const data of samples) {
              const expected = runtime.test(condition, data);
              expect(
                precompiled.test(condition, data),
                `${matter.id} ${JSON.stringify(condition)} on ${JSON.stringify(data)}`,
              ).to.equal(expected);
              verdicts.add(expected);
            }
            // Agreement proves little unless the samples make the condition both true and false.
            expect([...verdicts].sort(), `${matter.id}: verdicts of ${JSON.stringify(condition)}`).to.deep.equal([
              false,
              true,
            ]);
          }
          for (const data of samples) {
            expect(precompiled.validate(data), `${matter.id} validating ${JSON.stringify(data)}`).to.deep.equal(
              runtime.validate(data),
            );
          }
        }
      });

      it('prefills, places branch fields and evaluates materials as the run-time checks do', async () => {
        let filled = 0;
        for (const matter of catalogue.matters) {
          const { precompiled, runtime } = await bothChecks(matter, validators);
          for (const { subject } of fixtures.subjects) {
            if (!(matter.audience ?? ['person', 'organization']).includes(subject.kind)) continue;
            const plan = planMatter(matter, catalogue, subject.kind);
            const options = {
              subject: { kind: subject.kind, id: subject.id },
              connectors: [staticConnector({ catalogue, fixtures, now: NOW, delays: false })],
              consents: recordConsents(plan, { givenTo: 'applicant', now: NOW }),
              now: NOW,
              today: '2026-11-26',
              defaults: true,
            };
            const [fromPrecompiled, fromRuntime] = await Promise.all(
              [precompiled, runtime].map((checks) =>
                prefill(plan, { ...options, test: checks.test, checkValue: checks.checkValue }),
              ),
            );
            if (!fromPrecompiled || !fromRuntime) throw new Error('prefill gave no result');
            const what = `${matter.id} for ${subject.id}`;
            expect(fromPrecompiled, what).to.deep.equal(fromRuntime);
            expect(precompiled.validate(fromPrecompiled.data), what).to.deep.equal(runtime.validate(fromRuntime.data));
            const input = { data: fromRuntime.data, answers: fromRuntime.answers, today: '2026-11-26' };
            expect(evaluateMaterials(plan, { ...input, test: precompiled.test }), what).to.deep.equal(
              evaluateMaterials(plan, { ...input, test: runtime.test }),
            );
            filled += fromRuntime.filled.length;
          }
        }
        expect(filled, 'the fixtures fill fields').to.be.greaterThan(0);
      });
    });
  }

  it('checks a matter with no code generation from strings, and refuses to compile there', async () => {
    // Node's counterpart of a page CSP without 'unsafe-eval': `new Function` throws EvalError.
    const dir = join(out, 'no-eval');
    await run(process.execPath, ['packages/cli/bin/matterform.js', 'compile', 'schemas/catalogue', '--out', dir], {
      cwd: repo,
    });
    const script = `
      import { readFile } from 'node:fs/promises';
      const { loadMatterChecks, planMatter } = await import(${JSON.stringify(pathToFileURL(join(repo, 'packages/core/dist/index.js')).href)});
      const matter = JSON.parse(await readFile('schemas/catalogue/matters/residence-permit.json', 'utf8'));
      const { validate } = await import(${JSON.stringify(pathToFileURL(join(dir, 'residence-permit@1.0.0.mjs')).href)});
      const whens = matter.materials.map((m) => m.when);
      const checks = await loadMatterChecks(matter.schema, validate, { conditions: whens });
      const rented = { properties: { housing: { const: 'rented' } }, required: ['housing'] };
      const result = {
        precompiled: checks.precompiled,
        rented: checks.test(rented, { housing: 'rented' }),
        owned: checks.test(rented, { housing: 'owned' }),
        errors: checks.validate({}).errors.map((e) => e.pointer),
      };
      try {
        new Function('');
        result.evalAllowed = true;
      } catch (error) {
        result.evalAllowed = error.constructor.name;
      }
      result.compiling = await loadMatterChecks(matter.schema).then(
        () => 'compiled',
        (error) => [error.name, error.code],
      );
      console.log(JSON.stringify(result));
    `;
    const { stdout } = await run(
      process.execPath,
      ['--disallow-code-generation-from-strings', '--input-type=module', '--eval', script],
      { cwd: repo },
    );
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).to.deep.include({ evalAllowed: 'EvalError', precompiled: true, rented: true, owned: false });
    expect(result.errors).to.include('/applicant');
    expect(result.compiling).to.deep.equal(['CspBlockedError', 'csp-blocked']);
  });
});

async function bothChecks(
  matter: Matter,
  validators: ReadonlyMap<string, PrecompiledMatterValidator>,
): Promise<{ precompiled: MatterChecks; runtime: MatterChecks }> {
  const schema = matter.schema as JsonSchemaObject;
  const precompiled = await loadMatterChecks(schema, validators.get(matter.id), { conditions: whens(matter) });
  expect(precompiled.precompiled, matter.id).to.equal(true);
  const runtime = await loadMatterChecks(schema);
  expect(runtime.precompiled, matter.id).to.equal(false);
  return { precompiled, runtime };
}
