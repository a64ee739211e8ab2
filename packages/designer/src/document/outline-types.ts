/**
 * The outline of a matter as a designer sees it: steps → groups → fields, derived from the
 * document (`outlineOf` in outline.ts) after every edit, never kept beside it.
 */
import type { Text } from '@matterform/core';

/** The palette's field kinds (SPEC §10); `other` is schema no kind describes (edited as JSON). */
export type FieldKindId =
  | 'short-text'
  | 'long-text'
  | 'number'
  | 'date'
  | 'one-choice'
  | 'several-choices'
  | 'yes-no'
  | 'id-number'
  | 'mobile'
  | 'region'
  | 'address'
  | 'group'
  | 'list'
  | 'note'
  | 'other';

export interface OutlineField {
  /** The property name. */
  key: string;
  /** Data pointer (`/applicant/name`; inside a list's items `-`: `/members/-/name`). */
  data: string;
  /** Pointer into the matter document where the property schema is declared: `/schema/properties/applicant/properties/name`. */
  schema: string;
  kind: FieldKindId;
  title: Text | undefined;
  required: boolean;
  concept?: string;
  /** Declared only under a condition (`then`, `dependentSchemas`, …): shown when it holds. */
  branch: boolean;
  /** A group's fields, or a list's item fields. */
  children: OutlineField[];
}

export interface OutlineStep {
  /** `layout.steps[index].id`, else `step-<n>` (SPEC §3.2). */
  id: string;
  /** Index in `layout.steps`; `null` for the implicit step of a matter without a layout, or of fields no step lists. */
  index: number | null;
  title: Text | undefined;
  fields: OutlineField[];
}

export interface Outline {
  steps: OutlineStep[];
}
