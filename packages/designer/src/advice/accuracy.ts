/**
 * How well the advisor finds a field's concept (issue 14 "measured matching"): every
 * `x-concept` is taken off every matter of a catalogue, the advice is asked for, and each
 * field is counted as restored (the concept it had proposed), wrong (another concept, or one
 * for a field that had none) or missed (it had one, none proposed). `scripts/advisor-accuracy.mjs`
 * prints the figures; a Node test holds the sample catalogue's as a floor.
 *
 * Every field that had a concept counts, also those the advisor never proposes for (inside
 * list items, `x-fill: false`): recall says how much of the catalogue's binding the advisor
 * would give back, not how well it does on the fields it chooses to look at.
 */
import { collectFields, SchemaWalkError, type Catalogue, type FieldInfo, type Matter } from '@matterform/core';
import { adviseMatter } from './advice.js';

export interface AdviceCounts {
  /** Fields that had a concept. */
  bound: number;
  /** Proposed the concept the field had. */
  restored: number;
  /** Proposed a different concept, or a concept for a field that had none. */
  wrong: number;
  /** Had a concept, none proposed. */
  missed: number;
  precision: number;
  recall: number;
}

export interface AdviceAccuracy {
  overall: AdviceCounts;
  matters: Record<string, AdviceCounts>;
  /** Each wrong proposal, for a person to read: `matter /pointer: had → proposed`. */
  wrong: string[];
}

/** The advisor's precision and recall on `catalogue` with every binding removed. */
export function adviceAccuracy(catalogue: Catalogue): AdviceAccuracy {
  const unbound: Catalogue = { ...catalogue, matters: catalogue.matters.map(withoutConcepts) };
  const matters: Record<string, AdviceCounts> = {};
  const wrong: string[] = [];
  unbound.matters.forEach((matter, index) => {
    const original = catalogue.matters[index] as Matter;
    const had = new Map(fieldsOf(original).map((f) => [f.schemaPointer, f]));
    const proposed = new Map<string, string>();
    for (const advice of adviseMatter(matter, unbound)) {
      for (const op of advice.fix?.patch ?? []) {
        if (op.op !== 'add' || typeof op.value !== 'string') continue;
        const at = /^\/schema(\/.*)\/x-concept$/.exec(op.path)?.[1];
        if (at !== undefined) proposed.set(at, op.value);
      }
    }
    let restored = 0;
    let wrongHere = 0;
    let missed = 0;
    for (const field of had.values()) if (field.concept && !proposed.has(field.schemaPointer)) missed++;
    for (const [at, concept] of proposed) {
      const before = had.get(at)?.concept;
      if (before === concept) restored++;
      else {
        wrongHere++;
        wrong.push(`${matter.id} ${had.get(at)?.pointer ?? at}: ${before ?? '(none)'} → ${concept}`);
      }
    }
    const bound = [...had.values()].filter((f) => f.concept).length;
    matters[matter.id] = counts(bound, restored, wrongHere, missed);
  });
  const sum = (key: 'bound' | 'restored' | 'wrong' | 'missed') =>
    Object.values(matters).reduce((n, c) => n + c[key], 0);
  return { overall: counts(sum('bound'), sum('restored'), sum('wrong'), sum('missed')), matters, wrong };
}

function counts(bound: number, restored: number, wrong: number, missed: number): AdviceCounts {
  return {
    bound,
    restored,
    wrong,
    missed,
    precision: restored + wrong === 0 ? 1 : round(restored / (restored + wrong)),
    recall: bound === 0 ? 1 : round(restored / bound),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The matter with no `x-concept` anywhere in its schema. */
function withoutConcepts(matter: Matter): Matter {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== 'x-concept')
        .map(([key, v]) => [key, strip(v)]),
    );
  };
  return { ...matter, schema: strip(matter.schema) as Matter['schema'] };
}

function fieldsOf(matter: Matter): FieldInfo[] {
  try {
    return collectFields(matter.schema as Parameters<typeof collectFields>[0]);
  } catch (error) {
    if (error instanceof SchemaWalkError) return [];
    throw error;
  }
}
