/**
 * Output payloads for back-office systems (SPEC §3.4), so nobody re-types the data: every
 * string `{<JSON Pointer>}` of a template is replaced by the value at that pointer of the
 * submitted data.
 */
import type { Output } from '../generated/catalogue.js';
import { getAt } from '../schema/pointer.js';
import type { Payload } from './submission.js';

const WHOLE = /^\{(\/[^{}]*|)\}$/;
const EMBEDDED = /\{(\/[^{}]*|)\}/g;

/** The payloads of `outputs`, in order. */
export function renderOutputs(outputs: readonly Output[] | undefined, data: unknown): Payload[] {
  return (outputs ?? []).map((output) => ({ system: output.system, payload: renderTemplate(output.template, data) }));
}

/**
 * A whole-string placeholder keeps the value's type (`null` when there is none); embedded
 * ones are stringified (`""` when there is none). Other values are copied as they are.
 */
export function renderTemplate(template: unknown, data: unknown): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) {
      const value = getAt(data, whole[1] ?? '');
      return value === undefined ? null : structuredClone(value);
    }
    return template.replace(EMBEDDED, (_, pointer: string) => stringify(getAt(data, pointer)));
  }
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, data));
  if (template !== null && typeof template === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) {
      Object.defineProperty(out, key, {
        value: renderTemplate(value, data),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return template;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The `{/pointer}` placeholders of a template string (SPEC §3.4). A module apart from the checks of
 * `validate`, so the designer's bundle reads templates without taking ajv along. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\/[^{}]*|)\}/g)].map((m) => m[1] ?? '');
}
