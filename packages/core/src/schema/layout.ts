/**
 * The steps of a matter's form (SPEC §3.2): the layout's steps with their ids, the fields in
 * no step appended to the last one, then the two steps every form adds. The form draws them,
 * `validate` checks their ids, and both read them from here.
 */
import type { LayoutStep, Matter, Text } from '../generated/catalogue.js';
import type { FieldInfo } from './fields.js';
import { within } from './pointer.js';

export interface FormStep {
  /** The layout step's `id`, else `step-<n>` (from 1); `materials` and `review` for the added steps. */
  id: string;
  title: Text;
  /** Data pointers drawn on this step, in order (empty for materials and review). */
  pointers: string[];
}

export interface StepLayout {
  /** The matter's steps (one of all top-level fields when it has no layout), then materials and review. */
  steps: FormStep[];
  /** Fields in no layout step, outermost only, appended to the last of the matter's steps. */
  unplaced: string[];
}

/** The ids of the steps every form adds after the matter's own. */
export const ADDED_STEP_IDS = ['materials', 'review'] as const;

/** The id of the layout step at `index` (from 0): its own, else `step-<index + 1>`. */
export function stepId(step: Pick<LayoutStep, 'id'>, index: number): string {
  return step.id ?? `step-${index + 1}`;
}

const ADDED_TITLES: Record<(typeof ADDED_STEP_IDS)[number], Text> = {
  materials: { 'zh-CN': '申请材料', en: 'Supporting documents' },
  review: { 'zh-CN': '核对并提交', en: 'Check and submit' },
};

/** The form's steps for `matter`, whose fields (as `collectFields` walks them) are `fields`. */
export function layoutSteps(matter: Matter, fields: readonly FieldInfo[]): StepLayout {
  const unplaced: string[] = [];
  const layout = matter.layout?.steps ?? [];
  const steps: FormStep[] = layout.map((step, index) => {
    // A matter no meta-schema checked (given to the element as it is) may hold anything here.
    if (!Array.isArray(step.fields) || step.fields.some((p) => typeof p !== 'string' || !/^(\/|$)/.test(p)))
      throw new Error(`/layout/steps/${index}/fields: must be a list of JSON Pointers`);
    return { id: stepId(step, index), title: step.title, pointers: [...step.fields] };
  });
  if (steps.length === 0) {
    const top = fields.filter((f) => f.parent === '').map((f) => f.pointer);
    steps.push({ id: stepId({}, 0), title: matter.title, pointers: top });
  } else {
    const drawn = steps.flatMap((s) => s.pointers);
    // By ancestors, not by each drawn pointer: a long form has a thousand fields to place.
    const placed = new Set(drawn);
    const covered = (pointer: string) => {
      for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) if (placed.has(at)) return true;
      return placed.has('');
    };
    const last = steps.at(-1) as FormStep;
    for (const field of fields) {
      if (field.inArray || covered(field.pointer)) continue;
      // Only the outermost field not drawn: its parent is the root or partly drawn. A group
      // that is itself partly drawn is not: its undrawn fields are placed one by one.
      const parentPartly = field.parent !== '' && drawn.some((d) => within(d, field.parent));
      if (field.parent !== '' && !parentPartly) continue;
      if (drawn.some((d) => within(d, field.pointer))) continue;
      last.pointers.push(field.pointer);
      unplaced.push(field.pointer);
    }
  }
  for (const id of ADDED_STEP_IDS) steps.push({ id, title: ADDED_TITLES[id], pointers: [] });
  return { steps, unplaced };
}
