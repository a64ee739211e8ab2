/**
 * Alternatives nothing in the data selects: a `oneOf`/`anyOf` of object branches with no
 * `const`/`enum` to tell them apart ({ lorem } or { ipsum }; a person or a company). The
 * person chooses — one of a `oneOf`, one or more of an `anyOf` — and only the chosen
 * alternatives' fields are shown; the others' values go, as when any branch stops applying.
 * Part of the rare kinds' chunk: `FormState` asks it once it is here (`useRareKinds`).
 */
import {
  conditionHolds,
  getAt,
  instantiatePointer,
  joinPointer,
  mergedSchema,
  type BranchCondition,
  type FieldInfo,
  type JsonSchemaObject,
  type MatterPlan,
} from '@matterform/core';
import { patternOf, type FormState } from './form-state.js';

/** A choice among alternatives nothing in the data selects, at one object. */
export interface ChoiceGroup {
  /** Schema pointer of the `oneOf`/`anyOf` list. */
  list: string;
  /** An `anyOf`: one or more may be chosen. */
  several: boolean;
  /** The alternatives, `$ref`/`allOf` merged. */
  alternatives: JsonSchemaObject[];
  chosen: number[];
  /** The first field (concrete pointer) of the object that one of them declares: where the choice is drawn. */
  first: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A condition of such a choice: an alternative with no `if` that the data would select by. */
const unselected = (c: BranchCondition) => c.kind === 'alternative' && c.ifSchema === undefined;

const choosing = new WeakMap<MatterPlan, boolean>();

/** Whether the plan has any such choice: worked out once per plan, as every field asks on every render. */
function hasChoices(plan: MatterPlan): boolean {
  let has = choosing.get(plan);
  if (has === undefined) {
    has = plan.fields.some(({ field }) =>
      [field.condition, ...(field.alsoWhen ?? [])].some((start) => {
        for (let c = start; c; c = c.outer) if (unselected(c)) return true;
        return false;
      }),
    );
    choosing.set(plan, has);
  }
  return has;
}

/**
 * The alternatives chosen for the object at `at` (`key`: its real pointer and the list);
 * before any choice, from the data: of a `oneOf`, the one it fits that holds most of its
 * keys (else the one holding most, else the first); of an `anyOf`, every one it fits and has
 * keys of (else as for a `oneOf`). Kept, so the alternatives do not change under the person
 * as they type.
 */
export function chosen(state: FormState, key: string, at: string, list: string): number[] {
  const stored = state.choices.get(key);
  if (stored !== undefined) return stored;
  const alternatives = getAt(state.plan.schema, list);
  const value = getAt(state.data, at);
  let chosen = [0];
  if (Array.isArray(alternatives) && isRecord(value)) {
    const fits = alternatives.map((a) => state.checks.test(a as JsonSchemaObject, value));
    const held = alternatives.map(
      (a) =>
        Object.keys(mergedSchema(state.plan.schema, a as JsonSchemaObject).properties ?? {}).filter((name) =>
          Object.hasOwn(value, name),
        ).length,
    );
    const best = (among: number[]) =>
      among.reduce((top, i) => ((held[i] ?? 0) > (held[top] ?? 0) ? i : top), among[0] ?? 0);
    const fitting = fits.flatMap((fit, i) => (fit ? [i] : []));
    const several = list.endsWith('/anyOf') ? fitting.filter((i) => (held[i] ?? 0) > 0) : [];
    chosen = several.length > 0 ? several : [best(fitting.length > 0 ? fitting : alternatives.map((_, i) => i))];
  }
  state.choices.set(key, chosen);
  return chosen;
}

/** The person's choice of alternatives: the others' fields and values go. */
export function choose(state: FormState, at: string, list: string, chosen: number[]): void {
  state.choices.set(
    `${at}|${list}`,
    [...chosen].sort((a, b) => a - b),
  );
}

/** The alternatives groups drawn at the object `pointer` (`real` outside a repeated level), whose enclosing branches apply. */
export function choiceGroups(state: FormState, pointer: string, real: string): ChoiceGroup[] {
  const pattern = pointer === '' ? '' : patternOf(pointer, state.plan.fieldByPointer);
  const seen = new Set<string>();
  const groups: ChoiceGroup[] = [];
  for (const field of state.childrenOf(pattern)) {
    if (!field.branch) continue;
    for (const start of [field.condition, ...(field.alsoWhen ?? [])])
      for (let c = start; c; c = c.outer) {
        if (!unselected(c) || c.at !== pattern) continue;
        const list = c.schemaPointer.slice(0, c.schemaPointer.lastIndexOf('/'));
        const alternatives = getAt(state.plan.schema, list);
        if (seen.has(list) || !Array.isArray(alternatives) || !outerApplies(state, c, pointer)) continue;
        seen.add(list);
        groups.push({
          list,
          several: list.endsWith('/anyOf'),
          alternatives: alternatives.map((a) => mergedSchema(state.plan.schema, a as JsonSchemaObject)),
          chosen: state.chosen(pointer, list),
          first: joinPointer(real, field.name),
        });
      }
  }
  return groups;
}

function outerApplies(state: FormState, condition: BranchCondition, pointer: string): boolean {
  const outer = condition.outer;
  if (!outer) return true;
  const at = instantiatePointer(outer.at, pointer);
  return conditionHolds(outer, state.data, state.checks.test, at) && chainChosen(state, outer, pointer);
}

/** Whether every choice-made alternative on a condition's chain is the one chosen. */
function chainChosen(state: FormState, condition: BranchCondition, pointer: string): boolean {
  for (let c: BranchCondition | undefined = condition; c; c = c.outer) {
    if (!unselected(c)) continue;
    const cut = c.schemaPointer.lastIndexOf('/');
    const index = Number(c.schemaPointer.slice(cut + 1));
    if (!state.chosen(instantiatePointer(c.at, pointer), c.schemaPointer.slice(0, cut)).includes(index)) return false;
  }
  return true;
}

/** The field and each object around it: a branch among them applies through the chosen alternatives. */
export function chosenPath(state: FormState, field: FieldInfo, pointer: string): boolean {
  if (!hasChoices(state.plan)) return true;
  for (let current: FieldInfo | undefined = field; current;) {
    if (current.branch && current.condition) {
      const concrete = instantiatePointer(current.pointer, pointer);
      const applies = [current.condition, ...(current.alsoWhen ?? [])].some(
        (c) =>
          conditionHolds(c, state.data, state.checks.test, instantiatePointer(c.at, concrete)) &&
          chainChosen(state, c, concrete),
      );
      if (!applies) return false;
    }
    if (current.parent === '') break;
    current = state.plan.fieldByPointer.get(current.parent);
  }
  return true;
}

/** Whether the value at `pointer` is in a chosen alternative (or in none): a provider or default may go there. */
export function shownAt(state: FormState, pointer: string): boolean {
  if (!hasChoices(state.plan)) return true;
  const field = state.fieldAt(pointer);
  return field === undefined || state.shown(field, pointer);
}
