/**
 * Loading one matter (SPEC §5): `src`, `catalogue-src` and `validator-src` fetched, the
 * matter and catalogue checked for their shape, the plan made for the kind of subject, and
 * the checks (precompiled, or ajv's chunk) made ready; then a new `FormState` for the element.
 * A lit reactive controller: behaviour only.
 */
import {
  dataValidatorNow,
  drawingChecksNow,
  loadDataValidator,
  loadDrawingChecks,
  planMatter,
  type Catalogue,
  type JsonSchema,
  type JsonSchemaObject,
  type Matter,
  type DrawingChecks,
  type MatterPlan,
  type PrecompiledMatterValidator,
} from '@matterform/core';
import { EMPTY_CATALOGUE, isWrapped } from './bare-schema.js';
import { FormState } from './form-state.js';
import { loadRareKinds, needsRareKinds } from '../fields/engine.js';
import { englishMissing, loadEnglish } from '../i18n/say.js';
import { loadRegionWork, needsRegion } from '../widgets/region/region.js';
import { chunk, type Chunk } from '../chunk.js';
import type { FormLink } from './form-link.js';

export class LoadingController {
  /** The condition tester and value check of the matter drawn now (its data validator comes with `validate`). */
  checks?: DrawingChecks;
  readonly #link: FormLink;
  readonly #loaded: (state: FormState) => void;
  /** Per kind of fetch, the URL asked last: an answer to an earlier one is dropped. */
  #fetched = new Map<string, string>();
  #current?: { matter: Matter; catalogue: Catalogue; validator?: PrecompiledMatterValidator };
  #token = 0;
  /** Per state, what its data validator is made from. */
  readonly #validators = new WeakMap<FormState, { schema: JsonSchemaObject; validator?: PrecompiledMatterValidator }>();
  /**
   * `validator-src` imports under way. The form waits for them rather than compiling the
   * schema meanwhile, which a strict CSP refuses and which is wasted work anyway.
   */
  #importing = 0;

  /** `loaded` is given each new state, in the update that made it when the checks need nothing fetched. */
  constructor(link: FormLink, loaded: (state: FormState) => void) {
    this.#link = link;
    this.#loaded = loaded;
  }

  /** Fetches `src` or `catalogue-src` (`kind`) and gives the element what it holds. */
  async fetchJson(kind: string, url: string, apply: (value: unknown) => void): Promise<void> {
    const absolute = new URL(url, document.baseURI).href;
    this.#fetched.set(kind, absolute);
    try {
      const response = await fetch(absolute, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${absolute}: HTTP ${response.status}`);
      const value: unknown = await response.json();
      if (this.#fetched.get(kind) === absolute) apply(value);
    } catch (error) {
      this.#link.fail('load-failed', `${absolute}: ${(error as Error).message}`);
    }
  }

  /**
   * Draws a bare JSON Schema (SPEC §5 `schema`) as the matter it stands for, made by a chunk of
   * its own; a schema replaced meanwhile is dropped.
   */
  async loadSchema(schema: JsonSchema): Promise<void> {
    try {
      const { bareMatter } = await import('./bare-matter.js');
      if (this.#link.host.schema === schema) this.#link.host.matter = bareMatter(schema);
    } catch (error) {
      this.#link.fail('load-failed', `bare-matter: ${(error as Error).message}`);
    }
  }

  /** Imports a compiled validator module (`validator-src`) into the element's `validators`. */
  async importValidator(url: string): Promise<void> {
    const { host } = this.#link;
    const absolute = new URL(url, document.baseURI).href;
    this.#importing++;
    try {
      const module = (await import(/* @vite-ignore */ absolute)) as {
        validate?: PrecompiledMatterValidator;
        default?: PrecompiledMatterValidator;
      };
      const validate = module.validate ?? module.default;
      if (typeof validate !== 'function') throw new Error('the module exports no validate function');
      const id = host.matter ? `${host.matter.id}@${host.matter.version}` : '*';
      host.validators = { ...host.validators, [id]: validate };
    } catch (error) {
      this.#link.fail('load-failed', `${absolute}: ${(error as Error).message}`);
    } finally {
      // Setting `validators` above has asked for the update that loads the form with it.
      this.#importing--;
    }
  }

  /**
   * Loads the element's matter and catalogue, unless they (and the validator) are what is
   * drawn; `again`: regardless. Without a catalogue or a `catalogue-src` to wait for, the
   * catalogue is empty (SPEC §5 Lifecycle).
   */
  load(again = false): void {
    if (this.#importing > 0) return;
    const { matter, validators, catalogueSrc } = this.#link.host;
    const catalogue = this.#link.host.catalogue ?? (catalogueSrc ? undefined : EMPTY_CATALOGUE);
    // Unset is null or undefined; any other value that is no object is said to be wrong.
    if (matter == null || catalogue == null) return;
    if (!sound(matter, catalogue)) {
      void this.#broken(matter, catalogue);
      return;
    }
    // A compiled validator judges the schema's own root, not the object the form wraps one in.
    const validator = isWrapped(matter)
      ? undefined
      : (validators?.[`${matter.id}@${matter.version}`] ?? validators?.['*']);
    const current = this.#current;
    if (!again && current?.matter === matter && current.catalogue === catalogue && current.validator === validator)
      return;
    this.#current = { matter, catalogue, validator };
    this.#link.host._phase = 'loading';
    void this.#build(matter, catalogue, validator, ++this.#token);
  }

  async #build(
    matter: Matter,
    catalogue: Catalogue,
    validator: PrecompiledMatterValidator | undefined,
    token: number,
  ): Promise<void> {
    let checks: DrawingChecks;
    let plan: MatterPlan;
    const schema = matter.schema as JsonSchemaObject;
    try {
      // The plan first: a schema it cannot walk fails before any compiler is fetched.
      plan = planMatter(matter, catalogue, this.#subjectKind());
      const options = { conditions: (matter.materials ?? []).map((m) => m.when) };
      // Checks that need nothing loaded are taken at once: the form is then drawn in the
      // update that was given the matter, not in one more after it. The data validator is
      // not needed to draw: `validate` brings it once the first step is on the screen.
      const now = drawingChecksNow(schema, validator, options);
      // The chunks of the rare field kinds and of the region widget, when the schema has them,
      // beside the checks; with none to wait for, nothing is awaited.
      const json = JSON.stringify(schema);
      const rare = needsRareKinds(json) ? this.#chunk(loadRareKinds, 'rare-kinds') : undefined;
      const region = needsRegion(json) ? this.#chunk(loadRegionWork, 'region-work') : undefined;
      // The English of the first step's words, for a form that speaks en.
      const english = englishMissing(this.#link.lang()) ? this.#chunk(loadEnglish, 'english') : undefined;
      // The ReDoS check's chunk, for a matter with a pattern (in its schema or a material's
      // \`when\`) that ajv compiles here. A precompiled validator's patterns were checked by
      // \`matterform compile\`, which refuses unsafe ones, so its form waits for nothing.
      const unchecked = !validator && /"pattern/.test(json + JSON.stringify(matter.materials));
      const patterns = unchecked ? this.#chunk(loadPatternCheck, 'pattern-check') : undefined;
      if (now && !rare && !region && !english && !patterns) checks = now;
      else
        [checks] = await Promise.all([
          now ?? loadDrawingChecks(schema, validator, options),
          rare,
          region,
          english,
          patterns,
        ]);
      // Before any state runs a pattern: one that may take exponential time is matter-invalid.
      if (unchecked) loadPatternCheck.loaded?.checkPatterns(matter);
    } catch (error) {
      if (token !== this.#token) return;
      this.#failed(matter, error);
      return;
    }
    if (token !== this.#token) return;
    this.checks = checks;
    // The element runs no meta-schema: a layout of the wrong shape, or a condition ajv cannot
    // compile (tested first as the form settles), fails here and is said, never a blank form.
    try {
      const state = new FormState(plan, checks);
      // The data validator too, when it and the way its errors are told are here already.
      const validateNow = errorGroups && dataValidatorNow(schema, validator);
      if (validateNow) state.setValidator(validateNow, errorGroups);
      this.#validators.set(state, validator ? { schema, validator } : { schema });
      for (const pointer of state.unplaced)
        console.warn(`matterform: ${matter.id}: ${pointer} is in no layout step; it is shown on the last one`);
      this.#loaded(state);
    } catch (error) {
      this.#failed(matter, error);
    }
  }

  /** `matter-invalid` (or `csp-blocked`) naming the matter: what its schema or layout made throw. */
  #failed(matter: Matter, error: unknown): void {
    const code = (error as { code?: string }).code === 'csp-blocked' ? 'csp-blocked' : 'matter-invalid';
    this.#link.fail(code, `${matter.id}: ${(error as Error).message}`);
  }

  /**
   * Says what is wrong with a broken matter or catalogue, with the messages' chunk; what was
   * being loaded before is dropped, and the same documents given again are loaded again.
   */
  async #broken(matter: Matter, catalogue: Catalogue): Promise<void> {
    const token = ++this.#token;
    this.#current = undefined;
    try {
      const { documentProblem } = await import('./document-problems.js');
      const problem = documentProblem(matter, catalogue);
      if (problem && token === this.#token) this.#link.fail(problem.code, problem.message);
    } catch (error) {
      if (token === this.#token) this.#link.fail('load-failed', `document-problems: ${(error as Error).message}`);
    }
  }

  /**
   * Gives `state` its data validator once its first step has been drawn and painted: the
   * precompiled one, or one ajv compiles here, which takes a long form a while that the first
   * paint does not wait on. False (after saying why) when it cannot be had.
   */
  async validate(state: FormState): Promise<boolean> {
    const made = this.#validators.get(state);
    if (!state.pending || !made) return !state.pending;
    await this.#link.host.updateComplete;
    await afterPaint();
    try {
      // The walk refused too many fields or options before drawing; core's other LIMITS
      // (materials, steps, texts, nesting) are counted after the first paint, for a matter of
      // more than 1,000 items (no list or object beyond them has fewer commas; the sample
      // matters have ~500), by the document-problems chunk, which throws what exceeds them.
      if (JSON.stringify(state.matter).split(',').length > 1000)
        (await import('./document-problems.js')).checkLimits(state.matter);
      const [validate, display] = await Promise.all([
        loadDataValidator(made.schema, made.validator),
        // Without it (its chunk not fetched) the problems are told where the validator says.
        (errorGroupsModule ??= import('./error-groups.js')).catch(() => {
          errorGroupsModule = undefined;
          return undefined;
        }),
      ]);
      errorGroups ??= display;
      state.setValidator(validate, display);
      return true;
    } catch (error) {
      if (this.#link.state() !== state) return false;
      this.#failed(state.matter, error);
      return false;
    }
  }

  /**
   * A chunk the first step is drawn with, unless it is here already; when it cannot be fetched
   * the form says so and draws the rest without it (rare kinds), with a stand-in (the region's code box) or in zh-CN (English).
   */
  #chunk(load: Chunk<unknown>, name: string): Promise<void> | undefined {
    if (load.loaded) return undefined;
    return load().then(
      () => undefined,
      (error: unknown) => {
        this.#link.fail('load-failed', `${name}: ${(error as Error).message}`, 'notice');
      },
    );
  }

  #subjectKind(): 'person' | 'organization' {
    const kind = this.#link.subject()?.kind;
    return kind ?? (this.#link.host.matter?.audience?.[0] as 'person' | 'organization' | undefined) ?? 'person';
  }
}

/**
 * Whether the matter and catalogue have the shape a form is drawn from (document-problems.ts
 * says what is wrong when they do not): a quick test, so the messages are fetched only for a
 * broken document.
 */
function sound(matter: Matter, catalogue: Catalogue): boolean {
  const schema = matter?.schema as JsonSchemaObject | null | undefined;
  return (
    (['id', 'version', 'title', 'schema'] as const).every((key) => matter?.[key] !== undefined) &&
    typeof schema === 'object' &&
    schema !== null &&
    (schema.type === undefined || schema.type === 'object') &&
    (['concepts', 'sources', 'licences'] as const).every((key) => Array.isArray(catalogue?.[key]))
  );
}

/** The ReDoS check (pattern-check.ts): its checker stays out of the entry. */
const loadPatternCheck = chunk(() => import('./pattern-check.js'));

type ErrorGroups = typeof import('./error-groups.js');
/** How a validator's errors are told on the form: fetched with the first validator. */
let errorGroupsModule: Promise<ErrorGroups> | undefined;
let errorGroups: ErrorGroups | undefined;

/**
 * Resolves after the next frame is painted (a task after its animation frame), or after a
 * timer where no frame comes (a tab in the background draws none).
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    requestAnimationFrame(() => channel.port2.postMessage(null));
    setTimeout(resolve, 100);
  });
}
