// What dist/matterform.js's checks answer for the sample matters, computed the same way in a
// page with a strict CSP (test/csp/checks-frame.ts) and in the test page, for comparison.
import type { Catalogue, Matter, PrecompiledMatterValidator, ValidationResult } from '@matterform/core';
import { checkSamples } from './check-samples.test-helpers.js';

export type Bundle = typeof import('@matterform/elements');

export async function importBundle(): Promise<Bundle> {
  // A URL in a variable: the type checker has no module for it, the browser does.
  const url = '/dist/matterform.js';
  return (await import(url)) as Bundle;
}

export async function sampleMatters(): Promise<Matter[]> {
  const names = (await (await fetch('/__sample-matters')).json()) as string[];
  return Promise.all(
    names.map(async (name) => (await (await fetch(`/schemas/catalogue/matters/${name}`)).json()) as Matter),
  );
}

/** The sample catalogue as an object, straight from its files (the form checks no more than its shape). */
export async function sampleCatalogue(): Promise<Catalogue> {
  const json = async (url: string): Promise<unknown> => (await fetch(url)).json();
  return {
    concepts: await json('/schemas/catalogue/concepts.json'),
    sources: await json('/schemas/catalogue/sources.json'),
    licences: await json('/schemas/catalogue/licences.json'),
    matters: await sampleMatters(),
  } as Catalogue;
}

/** The module `matterform compile` writes for a sample matter (served by test/csp-plugin.mjs). */
export async function compiledValidator(matter: Matter): Promise<PrecompiledMatterValidator> {
  const url = `/__compiled/sample/${matter.id}@${matter.version}.mjs`;
  return ((await import(url)) as { validate: PrecompiledMatterValidator }).validate;
}

export interface MatterAnswers {
  id: string;
  precompiled: boolean;
  /** For each condition the compiled module carries, its verdict on each sample. */
  conditions: Record<string, boolean[]>;
  validate: ValidationResult[];
}

/**
 * Every condition of each matter (read back from the keys of its compiled module, which are
 * the conditions' shapes) tested on samples that make it true and false, and whole-data
 * validation of the same samples; with `precompiled`, through the compiled modules.
 */
export async function answersOf(
  bundle: Bundle,
  matters: readonly Matter[],
  validators: readonly PrecompiledMatterValidator[],
  precompiled: boolean,
): Promise<MatterAnswers[]> {
  const answers: MatterAnswers[] = [];
  for (const [i, matter] of matters.entries()) {
    const validator = validators[i] as PrecompiledMatterValidator;
    const whens = (matter.materials ?? []).map((m) => m.when);
    const checks = precompiled
      ? await bundle.loadMatterChecks(matter.schema, validator, { conditions: whens })
      : await bundle.loadMatterChecks(matter.schema);
    const keys = Object.keys(validator.conditions ?? {});
    const shapes = keys.map((key) => JSON.parse(key) as Record<string, unknown>);
    const samples = checkSamples(shapes);
    answers.push({
      id: matter.id,
      precompiled: checks.precompiled,
      conditions: Object.fromEntries(
        keys.map((key, k) => [key, samples.map((data) => checks.test(shapes[k] as Record<string, unknown>, data))]),
      ),
      validate: samples.map((data) => checks.validate(data)),
    });
  }
  return answers;
}

/** The chunks this page has loaded as modules so far (not those a test fetched to read). */
export function loadedChunks(): string[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.initiatorType !== 'fetch')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/chunks/'));
}
