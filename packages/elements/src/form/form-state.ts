/**
 * The state of one application, without a template (behaviour apart from rendering): the
 * data, where each value came from, what the person typed, which branch values must go,
 * which defaults come in, and which errors to show. `<matter-form>` draws it.
 */
import {
  ADDED_STEP_IDS,
  fieldShown,
  getAt,
  itemSchemaAt,
  joinPointer,
  layoutSteps,
  listRules,
  mergedSchema,
  newItemValue,
  normalizeIdentifier,
  objectSchemaOf,
  parsePointer,
  placeFills,
  within,
  type Catalogue,
  type ConditionTester,
  type FieldError,
  type FieldFill,
  type FieldInfo,
  type FormStep,
  type JsonSchemaObject,
  type Matter,
  type MatterPlan,
  type Provenance,
  type ValidationResult,
} from '@matterform/core';
import { isBare } from './bare-schema.js';
import type { ChoiceGroup } from './choices-state.js';

/** What a committed change gives the element to tell and redraw (`FormState.commit`). */
export interface Commit {
  pointer: string;
  /** The value now at the pointer, for `matter-input`. */
  value: unknown;
  /** Provider values the change placed (a branch field came to apply). */
  placed: FieldFill[];
  /** Whether the errors shown at other fields changed. */
  othersChanged: () => boolean;
}

/** The data and provenance a form reset returns to. */
export interface Snapshot {
  data: Record<string, unknown>;
  provenance: [string, Provenance][];
}

type ErrorDisplay = typeof import('./error-groups.js');
type RareKinds = typeof import('./extra-keys-state.js') & typeof import('./choices-state.js');

/**
 * Entries beyond an object's declared properties (`patternProperties`, `additionalProperties`)
 * and alternatives the person chooses (`oneOf`/`anyOf`): worked out by the rare kinds' chunk
 * (extra-keys-state.ts, choices-state.ts), which a form fetches before drawing a schema that
 * has either; until then there are none, and every field a branch shows is shown.
 */
let rare: RareKinds | undefined;

export function useRareKinds(module: RareKinds): void {
  rare = module;
}

export interface FormChecks {
  /** The data validator: absent while it loads, after the first step is drawn (`setValidator`). */
  validate?(data: unknown): ValidationResult;
  test: ConditionTester;
}

export type { FormStep, ChoiceGroup };

/** Formats whose typed text is normalised before it is checked (SPEC §3.1). */
const IDENTIFIER_FORMATS = new Set(['cn-id-number', 'cn-uscc', 'cn-mobile', 'cn-postcode', 'cn-region']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Sets a value by pointer, creating objects (or arrays, for numeric tokens under an array) on the way. */
export function writeAt(data: Record<string, unknown>, pointer: string, value: unknown): void {
  const tokens = parsePointer(pointer);
  const last = tokens.pop();
  if (last === undefined) return;
  let current: Record<string, unknown> | unknown[] = data;
  for (const token of tokens) {
    const next: unknown = Array.isArray(current) ? current[Number(token)] : current[token];
    if (isRecord(next) || Array.isArray(next)) current = next;
    else {
      const created: Record<string, unknown> = {};
      define(current, token, created);
      current = created;
    }
  }
  define(current, last, value);
}

function define(target: Record<string, unknown> | unknown[], token: string, value: unknown): void {
  if (Array.isArray(target)) target[Number(token)] = value;
  // defineProperty: a property named `__proto__` stays data, never the prototype.
  else Object.defineProperty(target, token, { value, enumerable: true, writable: true, configurable: true });
}

/** Removes the value at a pointer; an array item is spliced out. */
function removeAt(data: Record<string, unknown>, pointer: string): void {
  const tokens = parsePointer(pointer);
  const last = tokens.pop();
  if (last === undefined) return;
  const parent = getAt(data, tokens.length === 0 ? '' : '/' + tokens.map(escape).join('/'));
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isRecord(parent)) delete parent[last];
}

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** `/members/-/name` over the data → `/members/0/name`, `/members/1/name`, … */
export function expandPointer(data: unknown, pattern: string): string[] {
  let found = [''];
  for (const token of parsePointer(pattern)) {
    const next: string[] = [];
    for (const base of found) {
      if (token === '-') {
        const list = getAt(data, base);
        if (Array.isArray(list)) for (let i = 0; i < list.length; i++) next.push(joinPointer(base, i));
      } else next.push(joinPointer(base, token));
    }
    found = next;
  }
  return found;
}

/** The field pattern of a concrete pointer: indices under arrays become `-`. */
export function patternOf(pointer: string, byPointer: ReadonlyMap<string, FieldInfo>): string {
  let pattern = '';
  for (const token of parsePointer(pointer)) {
    const exact = joinPointer(pattern, token);
    pattern = /^(0|[1-9]\d*)$/.test(token) && !byPointer.has(exact) ? `${pattern}/-` : exact;
  }
  return pattern;
}

export { within };

export class FormState {
  readonly plan: MatterPlan;
  readonly checks: FormChecks;
  // The data and where each value came from change only through this class's verbs: every
  // other module reads them (STYLE.md "One owner of state"), and the types keep it so.
  #data: Record<string, unknown> = {};
  readonly #provenance = new Map<string, Provenance>();
  /** Pointers the person typed or the host set: never replaced by a provider or a default. */
  readonly typed = new Set<string>();
  /** Of those, the ones the host set through `value` (a form reset keeps them). */
  readonly hostSet = new Set<string>();
  /** The text as typed, where it differs from the value kept (a number not yet a number, an identifier with spaces). */
  readonly raw = new Map<string, string>();
  /** Resolved provider values whose branch does not apply yet. */
  waiting: FieldFill[] = [];
  readonly placed = new Set<string>();
  /** Steps whose fields show their errors (the person tried to continue past them). */
  readonly revealed = new Set<string>();
  result: ValidationResult = { valid: true, errors: [] };
  readonly steps: readonly FormStep[];
  /** Top-level pointers on no step, appended to the last (SPEC §3.1): each one a warning. */
  readonly unplaced: readonly string[];

  /** Whether any field has a `default`: then every change may bring one in. */
  readonly #hasDefaults: boolean;
  #validator?: (data: unknown) => ValidationResult;
  /** Where the validator's errors are told (error-groups.ts), loaded with it. */
  #display?: ErrorDisplay;

  constructor(plan: MatterPlan, checks: FormChecks) {
    this.plan = plan;
    this.checks = checks;
    this.#validator = checks.validate;
    let layout = layouts.get(plan);
    if (!layout) layouts.set(plan, (layout = layoutOf(plan)));
    this.steps = layout.steps;
    this.unplaced = layout.unplaced;
    this.#hasDefaults = layout.hasDefaults;
  }

  get data(): Readonly<Record<string, unknown>> {
    return this.#data;
  }

  get provenance(): ReadonlyMap<string, Readonly<Provenance>> {
    return this.#provenance;
  }

  get matter(): Matter {
    return this.plan.matter;
  }

  get catalogue(): Catalogue {
    return this.plan.catalogue;
  }

  fieldAt(pointer: string): FieldInfo | undefined {
    return (
      this.plan.fieldByPointer.get(this.#unrepeat(patternOf(pointer, this.plan.fieldByPointer))) ??
      rare?.extraField(this, pointer) ??
      this.#unplannedField(pointer)
    );
  }

  /**
   * A field the plan could not list ahead of the data: inside an object that contains itself
   * (a tree's nodes) or may be null, drawn as deep as the data goes. Its schema is found by
   * walking the data pointer through the schema.
   */
  #unplannedField(pointer: string): FieldInfo | undefined {
    const root = this.plan.schema;
    const tokens = parsePointer(pointer);
    let schema: JsonSchemaObject | undefined = mergedSchema(root, root);
    for (const token of tokens) {
      if (!schema) return undefined;
      const object: JsonSchemaObject = objectSchemaOf(root, schema) ?? schema;
      const property =
        object.properties && Object.hasOwn(object.properties, token) ? object.properties[token] : undefined;
      const next = property ?? (/^\d+$/.test(token) ? itemSchemaAt(listRules(root, object), Number(token)) : undefined);
      schema = isRecord(next) ? mergedSchema(root, next as JsonSchemaObject) : undefined;
    }
    const name = tokens.at(-1);
    if (!schema || name === undefined) return undefined;
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    return {
      pointer,
      schemaPointer: '',
      schema,
      parent: pointer.slice(0, pointer.lastIndexOf('/')),
      name,
      kind: objectSchemaOf(root, schema) ? 'object' : type === 'array' ? 'array' : 'leaf',
      branch: false,
      required: false,
      inArray: tokens.some((t) => /^\d+$/.test(t)),
    };
  }

  // ---------------------------------------------------------------------------------------
  // Entries beyond the declared properties: an object's `patternProperties` and
  // `additionalProperties` describe keys it does not name, which the host's data may hold
  // and the person may add. They are drawn after the object's fields, named by their key.

  /** Keys the person added to an object and has not answered yet (the data holds no value for them). */
  readonly extraNames = new Map<string, string[]>();

  /** The undeclared entries of the object at `pointer` to draw: those in the data, then those just added. */
  extraEntries(pointer: string): FieldInfo[] {
    return rare?.extraEntries(this, pointer) ?? [];
  }

  /** Every drawn object's undeclared entries: the root's, each shown object field's, each object item's. */
  allExtraEntries(): FieldInfo[] {
    return rare?.allExtraEntries(this) ?? [];
  }

  /**
   * Whether the person can add an entry to the object at `pointer`, and from which names:
   * `propertyNames.enum` less those taken, or any name (undefined) the schema accepts.
   * False when the object takes no undeclared keys, or holds `maxProperties` already.
   */
  extraChoices(pointer: string): { names?: string[] } | false {
    return rare?.extraChoices(this, pointer) ?? false;
  }

  /** Adds the key `name` to the object at `pointer`, if the schema takes it: the answer comes when typed. */
  addExtra(pointer: string, name: string): boolean {
    return rare?.addExtra(this, pointer, name) ?? false;
  }

  removeExtra(pointer: string): void {
    rare?.removeExtra(this, pointer);
  }

  /** Forgets the value at `pointer` and all that is known of it: where it came from, its text, that it was typed. */
  drop(pointer: string): void {
    removeAt(this.#data, pointer);
    this.#provenance.delete(pointer);
    this.raw.delete(pointer);
    this.typed.delete(pointer);
  }

  /**
   * Whether the person must answer: required by its object, or by the branch that declares
   * it (a `then` that adds the property to `required`).
   */
  required(field: FieldInfo): boolean {
    if (field.required) return true;
    if (!field.branch) return false;
    return [field.condition, ...(field.alsoWhen ?? [])].some((condition) => {
      if (!condition) return false;
      const branch = getAt(this.plan.schema, condition.schemaPointer) as { required?: unknown } | undefined;
      return Array.isArray(branch?.required) && branch.required.includes(field.name);
    });
  }

  #children?: Map<string, FieldInfo[]>;

  /** The fields directly inside the object or array item at `pattern` (a field pointer), in schema order. */
  childrenOf(pattern: string): readonly FieldInfo[] {
    // Indexed once per plan: every object of every render asks, and a scan of all fields
    // each time made a render quadratic in the size of the form.
    if (!this.#children) {
      this.#children = new Map();
      for (const { field } of this.plan.fields) {
        const siblings = this.#children.get(field.parent);
        if (siblings) siblings.push(field);
        else this.#children.set(field.parent, [field]);
      }
    }
    return this.#children.get(this.#unrepeat(pattern)) ?? [];
  }

  shown(field: FieldInfo, pointer = field.pointer): boolean {
    // Every field asks on every render: no closure unless the plan repeats something.
    if (this.#repeatMap().size > 0) return this.#inFrame(pointer, (at) => this.#shownHere(field, at));
    return this.#shownHere(field, pointer);
  }

  #shownHere(field: FieldInfo, pointer: string): boolean {
    if (!fieldShown(field, this.plan.fieldByPointer, this.data, this.checks.test, pointer)) return false;
    return rare?.chosenPath(this, field, pointer) ?? true;
  }

  // ---------------------------------------------------------------------------------------
  // A schema that recurses (a folder tree): the plan walks it once, and a field marked
  // `repeats` holds data shaped like an ancestor's. A deeper level is that ancestor's fields,
  // and its conditions are tested as they would be on the ancestor's own data.

  #repeats?: Map<string, string>;

  /** Item or object patterns whose data repeats an ancestor's, to that ancestor's pattern. */
  #repeatMap(): Map<string, string> {
    if (!this.#repeats) {
      this.#repeats = new Map();
      for (const { field } of this.plan.fields)
        if (field.repeats !== undefined)
          this.#repeats.set(field.kind === 'array' ? `${field.pointer}/-` : field.pointer, field.repeats);
    }
    return this.#repeats;
  }

  /** The plan's pattern for a pattern inside repeated levels. */
  #unrepeat(pattern: string): string {
    // Every field and group asks on every render: most plans repeat nothing.
    if (this.#repeatMap().size === 0) return pattern;
    return this.#frameOf(parsePointer(pattern), parsePointer(pattern))?.virtual ?? pattern;
  }

  /**
   * Where the deepest repeated level of `concrete` sits: the ancestor pattern `as` it repeats,
   * the real pointer of that level's data (`base`), and the pointer as if the level were the
   * ancestor's own data (`virtual`). Undefined outside repeated levels.
   */
  #frameOf(pattern: string[], concrete: string[]): { as: string; base: string; virtual: string } | undefined {
    const repeats = this.#repeatMap();
    if (repeats.size === 0) return undefined;
    const join = (tokens: readonly string[]) => tokens.reduce<string>((at, token) => joinPointer(at, token), '');
    let frame: { as: string; base: string } | undefined;
    for (;;) {
      let k = pattern.length;
      let as: string | undefined;
      for (; k >= 0 && as === undefined; k--) as = repeats.get(join(pattern.slice(0, k)));
      if (as === undefined) break;
      k++;
      const level = join(concrete.slice(0, k));
      const base = frame && within(level, frame.as) ? frame.base + level.slice(frame.as.length) : level;
      const tokens = parsePointer(as);
      [pattern, concrete, frame] = [[...tokens, ...pattern.slice(k)], [...tokens, ...concrete.slice(k)], { as, base }];
    }
    return frame && { ...frame, virtual: join(concrete) };
  }

  /** The real pointer of a pointer within the frame being tested, for what is kept per object. */
  #inside?: { as: string; base: string };
  #real(at: string): string {
    const frame = this.#inside;
    return frame && within(at, frame.as) ? frame.base + at.slice(frame.as.length) : at;
  }

  /** Runs `test` on a pointer, inside a repeated level as if its data were the ancestor's. */
  #inFrame<T>(pointer: string, test: (at: string) => T): T {
    if (this.#inside) return test(pointer);
    const frame = this.#frameOf(parsePointer(patternOf(pointer, this.plan.fieldByPointer)), parsePointer(pointer));
    if (!frame) return test(pointer);
    const data = this.#data;
    const level = getAt(data, frame.base);
    this.#data = frame.as === '' ? (isRecord(level) ? level : {}) : withValueAt(data, frame.as, level);
    this.#inside = frame;
    try {
      return test(frame.virtual);
    } finally {
      this.#data = data;
      this.#inside = undefined;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Alternatives nothing in the data selects (`oneOf`/`anyOf`), which the person chooses:
  // worked out by choices-state.ts; here what is kept per object, and the repeated levels.

  /** The chosen alternatives per concrete object and group: `<object pointer>|<list schema pointer>`. */
  readonly choices = new Map<string, number[]>();

  /** The alternatives chosen for the object at `at` among the list at `list` (none before the chunk is here). */
  chosen(at: string, list: string): number[] {
    return rare?.chosen(this, `${this.#real(at)}|${list}`, at, list) ?? [];
  }

  /** The person's choice of alternatives: the others' fields and values go. */
  choose(at: string, list: string, chosen: number[]): void {
    rare?.choose(this, at, list, chosen);
  }

  /** The alternatives groups drawn at the object `pointer`, whose enclosing branches apply. */
  choiceGroups(pointer: string): ChoiceGroup[] {
    const kinds = rare;
    return kinds ? this.#inFrame(pointer, (at) => kinds.choiceGroups(this, at, pointer)) : [];
  }

  /**
   * The host's `value`: everything in it counts as set by the host, except values a provider
   * gave that the host passed back unchanged — they keep their provenance (and lock). A locked
   * value the host would change or remove stays as signed (SPEC §6): returns their pointers.
   */
  setHostValue(value: Record<string, unknown>): string[] {
    const before = this.data;
    const provided = new Map(this.provenance);
    const refused: string[] = [];
    this.#data = structuredClone(value);
    this.typed.clear();
    this.hostSet.clear();
    this.raw.clear();
    this.#provenance.clear();
    this.placed.clear();
    this.extraNames.clear();
    this.choices.clear();
    for (const [pointer, provenance] of provided) {
      const was = getAt(before, pointer);
      if (was === undefined) continue;
      if (JSON.stringify(getAt(this.data, pointer)) !== JSON.stringify(was)) {
        if (!provenance.locked) continue;
        writeAt(this.#data, pointer, was);
        refused.push(pointer);
      }
      this.#provenance.set(pointer, provenance);
      this.placed.add(pointer);
    }
    for (const { field } of this.plan.fields)
      for (const pointer of expandPointer(this.data, field.pointer))
        if (getAt(this.data, pointer) !== undefined && !this.provenance.has(pointer)) {
          this.typed.add(pointer);
          this.hostSet.add(pointer);
        }
    return refused;
  }

  /** The data without what the person typed: what a form reset returns to. */
  untyped(): Record<string, unknown> {
    const data = structuredClone(this.data);
    for (const pointer of this.typed) if (!this.hostSet.has(pointer)) removeAt(data, pointer);
    return data;
  }

  /** Forgets every value a provider put in (a new subject or matter), keeping what was typed or set. */
  dropProviderValues(): void {
    for (const pointer of this.provenance.keys()) if (!this.typed.has(pointer)) removeAt(this.#data, pointer);
    this.#provenance.clear();
    this.placed.clear();
    this.waiting = [];
  }

  /**
   * The person's edit. Identifiers are normalised before they are kept and checked; the
   * text as typed stays in the input. False: refused, the value is locked (SPEC §6: a locked
   * value is submitted exactly as received).
   */
  edit(pointer: string, input: unknown): boolean {
    const provenance = this.#provenance.get(pointer);
    if (provenance?.locked && !provenance.edited) return false;
    const field = this.fieldAt(pointer);
    let value = input;
    const schema = field?.schema;
    if (typeof input === 'string' && schema) {
      const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
      if (typeof schema.format === 'string' && IDENTIFIER_FORMATS.has(schema.format))
        value = normalizeIdentifier(input);
      if ((type === 'number' || type === 'integer') && input.trim() !== '') {
        // The sign first: identifier normalising drops hyphens and dashes, which here mean minus.
        const text = input.trim();
        const sign = /^[-\u2212\uFF0D]/.test(text) ? '-' : '';
        const digits = normalizeIdentifier(sign ? text.slice(1) : text).replace(/[,，]/g, '');
        const number = Number(sign + digits.replace(/\uFF0E/g, '.'));
        // Not a number yet: keep the text so it is shown and reported, never dropped.
        value = Number.isFinite(number) ? number : input;
      }
      if (input === '') value = undefined;
    }
    if (typeof input === 'string' && value !== input) this.raw.set(pointer, input);
    else this.raw.delete(pointer);
    if (value === undefined) removeAt(this.#data, pointer);
    else writeAt(this.#data, pointer, value);
    this.typed.add(pointer);
    if (provenance) provenance.edited = true;
    return true;
  }

  /**
   * After the person's change at `pointer` (an edit, a list or entry change, a choice): branch
   * values and defaults follow, and the data is judged again. Says what the element tells and
   * redraws: the value for `matter-input`, provider values the change placed (`matter-prefill`),
   * and whether the errors shown at other fields changed (then more than this field is drawn).
   */
  commit(pointer: string): Commit {
    const shownBefore = this.shownErrors();
    const value = getAt(this.#data, pointer);
    const placed = this.settle();
    this.validate();
    const others = (errors: readonly FieldError[]) =>
      errors
        .filter((e) => e.pointer !== pointer)
        .map((e) => `${e.pointer} ${e.keyword}`)
        .join('\n');
    return {
      pointer,
      value: typeof value === 'object' && value !== null ? structuredClone(value) : value,
      placed,
      // Asked only when the element could redraw the field alone: no work on other keystrokes.
      othersChanged: () => others(shownBefore) !== others(this.shownErrors()),
    };
  }

  /** Provider values resolved for the fields: placed where their branch applies, the others wait. Returns those placed. */
  provide(fills: FieldFill[]): FieldFill[] {
    this.waiting = fills;
    return this.settle();
  }

  /** Another version of the same matter: what the person typed into `previous` comes along where its field still is. */
  keepTyped(previous: FormState): void {
    for (const pointer of previous.typed) {
      const value = getAt(previous.#data, pointer);
      if (value === undefined || !this.fieldAt(pointer)) continue;
      writeAt(this.#data, pointer, value);
      this.typed.add(pointer);
    }
  }

  /** What a form reset returns to: the data (without what the person typed, unless `typed`) and the providers' provenance. */
  snapshot(typed = false): Snapshot {
    return typed
      ? { data: structuredClone(this.#data), provenance: [] }
      : {
          data: this.untyped(),
          provenance: structuredClone([...this.#provenance].filter(([p]) => !this.typed.has(p))),
        };
  }

  /** A form reset: back to the data and provenance of `snapshot`, nothing typed, no step's errors shown. */
  reset(snapshot: Snapshot): void {
    this.#data = structuredClone(snapshot.data);
    this.#provenance.clear();
    for (const [pointer, provenance] of snapshot.provenance) this.#provenance.set(pointer, { ...provenance });
    this.typed.clear();
    this.raw.clear();
    this.revealed.clear();
    this.extraNames.clear();
  }

  /** The values the person typed (not the host's), each with its pointer: what a draft keeps. */
  typedData(): { pointers: string[]; data: Record<string, unknown> } {
    const pointers = [...this.typed].filter((p) => !this.hostSet.has(p) && getAt(this.#data, p) !== undefined);
    const data: Record<string, unknown> = {};
    for (const pointer of pointers) writeAt(data, pointer, structuredClone(getAt(this.#data, pointer)));
    return { pointers, data };
  }

  /**
   * A draft's typed values put back, field by field, where their field still is and `fits`
   * takes them; a locked value is never replaced. `replace`: this page's typed values give
   * way to the draft's first. Returns the pointers of the values left out, for the person.
   */
  restoreDraft(
    data: Readonly<Record<string, unknown>>,
    pointers: readonly string[],
    fits: (field: FieldInfo, value: unknown) => boolean,
    replace: boolean,
  ): string[] {
    if (replace)
      for (const pointer of [...this.typed]) {
        if (this.hostSet.has(pointer) || this.#provenance.has(pointer)) continue;
        removeAt(this.#data, pointer);
        this.typed.delete(pointer);
      }
    const left: string[] = [];
    for (const pointer of pointers) {
      const value = getAt(data, pointer);
      if (value === undefined) continue;
      const field = this.fieldAt(pointer);
      const provenance = this.#provenance.get(pointer);
      const locked = provenance?.locked && JSON.stringify(getAt(this.#data, pointer)) !== JSON.stringify(value);
      if (!field || !fits(field, value) || locked) {
        left.push(pointer);
        continue;
      }
      writeAt(this.#data, pointer, structuredClone(value));
      this.typed.add(pointer);
      if (provenance) provenance.edited = true;
    }
    this.settle();
    return left;
  }

  /**
   * After any change: drops the values of branch fields that stopped applying, puts in the
   * defaults of fields that came to apply, and places waiting provider values whose branch
   * now applies. Returns those newly placed values.
   */
  settle(): FieldFill[] {
    if (!this.plan.hasBranches && this.waiting.length === 0 && !this.#hasDefaults) return [];
    const placedNow: FieldFill[] = [];
    // Dropping a value may make another branch stop applying, and placing one may open another.
    for (let round = 0; round <= this.plan.fields.length; round++) {
      const dropped = this.#prune();
      const before = this.data;
      const placement = placeFills(this.plan, this.data, this.waiting, {
        // Nor into the fields of an alternative not chosen (core does not know the choice).
        protect: (pointer) => this.typed.has(pointer) || rare?.shownAt(this, pointer) === false,
        placed: this.placed,
        test: this.checks.test,
        defaults: true,
      });
      this.#itemDefaults(before, placement.data);
      const changed = JSON.stringify(placement.data) !== JSON.stringify(this.data);
      this.#data = placement.data;
      for (const fill of placement.placed) {
        this.placed.add(fill.pointer);
        const { provider, fetchedAt, locked, conflicts, signature } = fill;
        this.#provenance.set(fill.pointer, {
          provider,
          fetchedAt,
          locked,
          ...(conflicts.length > 0 ? { conflicts } : {}),
          ...(signature ? { signature } : {}),
        });
        placedNow.push(fill);
      }
      this.waiting = placement.waiting;
      if (!dropped && !changed) break;
    }
    return placedNow;
  }

  /**
   * Defaults inside list items, which `placeFills` leaves to whoever adds an item: an item
   * already there (from the host's `value`) gets its fields' defaults like any field first
   * shown. A list put in by its own default, shorter than its `minItems`, is made up to it
   * with the item's default: the schema's author gave both, so the list starts complete.
   */
  #itemDefaults(before: Record<string, unknown>, data: Record<string, unknown>): void {
    for (const { field } of this.plan.fields) {
      const fallback = field.schema.default;
      if (fallback === undefined) continue;
      if (field.inArray) {
        for (const pointer of expandPointer(data, field.pointer))
          if (getAt(data, pointer) === undefined && !this.typed.has(pointer) && this.shown(field, pointer))
            writeAt(data, pointer, structuredClone(fallback));
        continue;
      }
      const list = getAt(data, field.pointer);
      const { items: itemSchema } = field.schema;
      const items = Array.isArray(itemSchema) ? undefined : mergedSchema(this.plan.schema, itemSchema).default;
      const minItems = field.schema.minItems ?? 0;
      if (!Array.isArray(list) || items === undefined || list.length >= minItems) continue;
      if (getAt(before, field.pointer) !== undefined || JSON.stringify(list) !== JSON.stringify(fallback)) continue;
      while (list.length < minItems) list.push(structuredClone(items));
    }
  }

  #prune(): boolean {
    let dropped = false;
    for (const { field } of this.plan.fields) {
      if (!field.branch) continue;
      for (const pointer of expandPointer(this.data, field.pointer)) {
        if (getAt(this.data, pointer) === undefined || this.shown(field, pointer)) continue;
        this.drop(pointer);
        dropped = true;
      }
    }
    return dropped;
  }

  /**
   * Judges the data. Whether it is valid is known at once; the messages are worked out
   * only when something shows them (a revealed step, the summary, `checkValidity`): turning
   * hundreds of raw errors into messages on every keystroke of a long, empty form would
   * cost more than everything else a keystroke does.
   */
  validate(): ValidationResult {
    const validator = this.#validator;
    // Before the validator is here: not valid yet, with nothing to say.
    if (!validator) return (this.result = { valid: false, errors: [] });
    const raw = validator(this.data);
    if (raw.valid) return (this.result = raw);
    let errors: FieldError[] | undefined;
    this.result = {
      valid: false,
      get errors() {
        return (errors ??= process());
      },
    };
    const display = this.#display;
    // The messages' chunk (error-groups.ts) comes with the validator: here whenever errors are.
    const process = () => (display ? display.shownErrors(this, validator, raw) : raw.errors);
    return this.result;
  }

  /** Whether the data validator is still to come: nothing can be judged yet. */
  get pending(): boolean {
    return this.#validator === undefined;
  }

  /** The data validator, once loaded; `validate` judges with it from now on. */
  setValidator(validator: NonNullable<FormChecks['validate']>, display?: ErrorDisplay): void {
    this.#validator = validator;
    this.#display = display;
  }

  stepOf(pointer: string): number {
    let best = -1;
    let depth = -1;
    this.steps.forEach((step, index) => {
      for (const drawn of step.pointers) {
        if (within(pointer, drawn) && drawn.length > depth) [best, depth] = [index, drawn.length];
      }
    });
    return best >= 0 ? best : Math.max(0, this.fieldSteps - 1);
  }

  get fieldSteps(): number {
    return this.steps.length - (isBare(this.matter) ? 0 : ADDED_STEP_IDS.length);
  }

  #shown?: { result: ValidationResult; revealed: string; errors: FieldError[] };

  /** The errors shown now: those of revealed steps, following the person's edits. Read-only. */
  shownErrors(): FieldError[] {
    // Every drawn field asks: kept until the result or the revealed steps change, so a render
    // filters the errors once, not once per field (fields × errors × layout pointers each time).
    if (this.revealed.size === 0 || this.result.valid) return [];
    const revealed = [...this.revealed].join(' ');
    if (this.#shown?.result !== this.result || this.#shown.revealed !== revealed) {
      const errors = this.result.errors.filter((error) =>
        this.revealed.has(this.steps[this.stepOf(error.pointer)]?.id ?? ''),
      );
      this.#shown = { result: this.result, revealed, errors };
    }
    return this.#shown.errors;
  }

  errorsOfStep(index: number): FieldError[] {
    return this.result.errors.filter((error) => this.stepOf(error.pointer) === index);
  }

  // ---------------------------------------------------------------------------------------
  // Lists: the verbs the field engine calls for a list's buttons. Each changes the data and
  // moves what is known about each item (typed, raw text, provenance) with it; the form then
  // tells the host (`matter-input`), settles and draws.

  /** Appends a new item to the list at `pointer`: its default, or an object of its properties' defaults. */
  addItem(pointer: string, itemSchema: JsonSchemaObject | undefined): number {
    const list = getAt(this.#data, pointer);
    const items = Array.isArray(list) ? [...list] : [];
    items.push(newItemValue(this.plan.schema, itemSchema));
    writeAt(this.#data, pointer, items);
    this.typed.add(pointer);
    return items.length - 1;
  }

  /** Gives an object that repeats an ancestor (a tree's next level) its first value, for its fields to show. */
  addLevel(pointer: string, schema: JsonSchemaObject): void {
    writeAt(this.#data, pointer, newItemValue(this.plan.schema, schema) ?? {});
    this.typed.add(pointer);
  }

  removeItem(pointer: string, index: number): void {
    this.#shiftItems(pointer, (i) => (i === index ? undefined : i > index ? i - 1 : i));
    removeAt(this.#data, joinPointer(pointer, index));
    this.typed.add(pointer);
  }

  /** Swaps the item with its neighbour `by` away; false when there is none. */
  moveItem(pointer: string, index: number, by: -1 | 1): boolean {
    const list = getAt(this.#data, pointer);
    const target = index + by;
    if (!Array.isArray(list) || target < 0 || target >= list.length) return false;
    [list[index], list[target]] = [list[target], list[index]];
    this.#shiftItems(pointer, (i) => (i === index ? target : i === target ? index : i));
    this.typed.add(pointer);
    return true;
  }

  /** Renumbers the pointers kept below the list's items; `map` gives an item's new index, or none when it goes. */
  #shiftItems(pointer: string, map: (index: number) => number | undefined): void {
    const prefix = pointer + '/';
    const move = <V>(entries: Iterable<[string, V]>): [string, V][] =>
      [...entries].flatMap(([key, value]): [string, V][] => {
        if (!key.startsWith(prefix)) return [[key, value]];
        const rest = key.slice(prefix.length);
        const slash = rest.indexOf('/');
        const next = map(Number(slash < 0 ? rest : rest.slice(0, slash)));
        return next === undefined ? [] : [[`${prefix}${next}${slash < 0 ? '' : rest.slice(slash)}`, value]];
      });
    const provenance = move(this.#provenance);
    this.#provenance.clear();
    for (const [k, v] of provenance) this.#provenance.set(k, v);
    const raw = move(this.raw);
    this.raw.clear();
    for (const [k, v] of raw) this.raw.set(k, v);
    const typed = move([...this.typed].map((k): [string, true] => [k, true]));
    this.typed.clear();
    for (const [k] of typed) this.typed.add(k);
  }
}

/** `data` with `value` at `pointer`, copying only the containers on the way. */
function withValueAt(data: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const tokens = parsePointer(pointer);
  const top: Record<string, unknown> = { ...data };
  let at: Record<string, unknown> | unknown[] = top;
  tokens.forEach((token, i) => {
    const key = Array.isArray(at) ? Number(token) : token;
    const next = i === tokens.length - 1 ? value : (at as Record<string, unknown>)[key];
    const copy = i === tokens.length - 1 ? next : Array.isArray(next) ? [...next] : isRecord(next) ? { ...next } : {};
    (at as Record<string | number, unknown>)[key] = copy;
    at = copy as Record<string, unknown>;
  });
  return top;
}

/** What a form of the plan starts from, the same for every form of it: worked out once per plan. */
interface Layout {
  steps: readonly FormStep[];
  unplaced: readonly string[];
  hasDefaults: boolean;
}

const layouts = new WeakMap<MatterPlan, Layout>();

function layoutOf(plan: MatterPlan): Layout {
  const { steps, unplaced } = layoutSteps(
    plan.matter,
    plan.fields.map((f) => f.field),
  );
  return {
    // A bare schema is a plain form: its fields, then submit; nothing to bring, nothing to review.
    steps: isBare(plan.matter) ? steps.filter((s) => !(ADDED_STEP_IDS as readonly string[]).includes(s.id)) : steps,
    unplaced,
    hasDefaults: plan.fields.some(({ field }) => field.schema.default !== undefined),
  };
}
