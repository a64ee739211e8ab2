/** The review step and the printed record: every answer shown, with where it came from, and the materials. */
import { html, nothing, type TemplateResult } from 'lit';
import {
  getAt,
  localize,
  mergedSchema,
  type FieldInfo,
  type JsonSchemaObject,
  type Locale,
  type MaterialEntry,
  type MatterPlan,
} from '@matterform/core';
import { expandPointer, within, type FormState } from '../form-state.js';
import { fieldMessages } from '../../i18n/fields.js';
import { formMessages } from '../../i18n/form.js';
import { laterFormMessages } from '../../i18n/form-later.js';
import { statusMessages } from '../../i18n/materials.js';
import { formatDate, say } from '../../i18n/say.js';
import { isolate } from '../../i18n/bidi.js';
import { optionsOf, providerName, schemaText } from '../../present.js';
import { maskText, readableValue } from '../../readable.js';
import { loadedRegions } from '../../widgets/region/regions.js';

/** Concepts whose values are identifiers, masked in the printed record. */
const IDENTIFIER_FORMATS = new Set(['cn-id-number', 'cn-uscc']);

export function renderReview(
  state: FormState,
  entries: readonly MaterialEntry[],
  lang: Locale,
  /** For the page: where each "change" button goes. Without it, the printable record. */
  change?: { answer(pointer: string): void; material(id: string): void },
): TemplateResult {
  const printable = !change;
  const sensitive = (pointer: string, field: FieldInfo) => {
    const concept = field.concept ? state.plan.conceptById.get(field.concept) : undefined;
    return concept?.sensitive === true || (printable && IDENTIFIER_FORMATS.has(String(field.schema.format)));
  };
  const rows = reviewRows(state, lang, sensitive);
  return html`<div part="review">
    ${state.steps
      .filter((_, index) => index < state.fieldSteps)
      .map((step, stepIndex) => {
        const own = rows.filter((r) => r.step === stepIndex);
        return html`<h4>${localize(step.title, lang)}</h4>
          <dl class="review">
            ${own.map(
              (row) =>
                html`<dt>${row.label}</dt>
                  <dd>${row.value}${row.source ? html`<span class="source">${row.source}</span>` : nothing}</dd>
                  <dd>
                    ${
                      printable
                        ? nothing
                        : html`<button class="link" type="button" @click=${() => change?.answer(row.pointer)}>
                            ${say(laterFormMessages.change, lang)}<span class="visually-hidden"> ${row.label}</span>
                          </button>`
                    }
                  </dd>`,
            )}
          </dl>`;
      })}
    <h4>${say(formMessages.materials, lang)}</h4>
    <dl class="review">
      ${entries
        .filter((e) => e.status !== 'not-applicable')
        .map((entry) => {
          const material = state.matter.materials?.find((m) => m.id === entry.id);
          return html`<dt>${localize(material?.title, lang)}</dt>
            <dd>${materialStatusText(entry, state.plan, lang)}</dd>
            <dd>
              ${
                printable
                  ? nothing
                  : html`<button class="link" type="button" @click=${() => change?.material(entry.id)}>
                      ${say(laterFormMessages.change, lang)}<span class="visually-hidden">
                        ${localize(material?.title, lang)}</span
                      >
                    </button>`
              }
            </dd>`;
        })}
    </dl>
  </div>`;
}

/** Every answer shown now, in step order, with where it came from. */
function reviewRows(state: FormState, lang: Locale, masked: (pointer: string, field: FieldInfo) => boolean) {
  const root = state.matter.schema as JsonSchemaObject;
  const rows: { step: number; pointer: string; label: string; value: string; source: string }[] = [];
  state.steps.forEach((step, stepIndex) => {
    for (const drawn of step.pointers) {
      for (const { field } of state.plan.fields) {
        if (field.kind === 'object') continue;
        if (
          field.kind === 'array' &&
          optionsOf(root, field.schema, lang).length === 0 &&
          state.childrenOf(`${field.pointer}/-`).length > 0
        )
          continue;
        for (const pointer of expandPointer(state.data, field.pointer)) {
          if (!within(pointer, drawn) || !state.shown(field, pointer)) continue;
          if (field.schema['x-widget'] === 'hidden') continue;
          const value = getAt(state.data, pointer);
          if (value === undefined && field.inArray) continue;
          const title = schemaText(field.schema, 'title', lang) ?? isolate(field.name);
          const label = field.inArray
            ? `${title}（${pointer
                .split('/')
                .filter((t) => /^\d+$/.test(t))
                .map((t) => Number(t) + 1)
                .join('-')}）`
            : title;
          let text = readableValue(value, optionsOf(root, field.schema, lang), lang);
          const format = mergedSchema(root, field.schema).format;
          if (typeof value === 'string' && format === 'date') text = formatDate(value, lang);
          if (typeof value === 'string' && format === 'cn-region') {
            const regions = loadedRegions();
            const names = regions?.path(value).map((code) => regions.nameOf(code) ?? code);
            if (names && names.length > 0) text = `${names.join(' ')}（${value}）`;
          }
          if (typeof value === 'string' && masked(pointer, field)) {
            const concept = field.concept ? state.plan.conceptById.get(field.concept) : undefined;
            text = maskText(value, concept?.mask);
          }
          const provenance = state.provenance.get(pointer);
          const source = provenance
            ? provenance.edited
              ? say(fieldMessages.youChanged, lang, { provider: providerName(state.plan, provenance.provider, lang) })
              : say(fieldMessages.from, lang, {
                  provider: providerName(state.plan, provenance.provider, lang),
                  date: formatDate(provenance.fetchedAt, lang),
                })
            : value === undefined
              ? ''
              : say(laterFormMessages.youTyped, lang);
          // The answer shares its line with where it came from and "修改" (i18n/bidi.ts).
          rows.push({ step: stepIndex, pointer, label, value: isolate(text), source });
        }
      }
    }
  });
  for (const entry of state.allExtraEntries()) {
    const value = getAt(state.data, entry.pointer);
    if (value === undefined) continue;
    rows.push({
      step: state.stepOf(entry.pointer),
      pointer: entry.pointer,
      label: isolate(entry.name),
      value: isolate(readableValue(value, optionsOf(root, entry.schema, lang), lang)),
      source: say(laterFormMessages.youTyped, lang),
    });
  }
  return rows;
}

function materialStatusText(entry: MaterialEntry, plan: MatterPlan, lang: Locale): string {
  const base = say(statusMessages[entry.status], lang);
  // Names from the catalogue and the person's files, isolated (i18n/bidi.ts): "a\u202Efdp.exe".
  if (entry.by?.licence) return `${base}（${isolate(providerName(plan, `licence:${entry.by.licence.type}`, lang))}）`;
  if (entry.by?.source) return `${base}（${isolate(providerName(plan, `source:${entry.by.source}`, lang))}）`;
  if (entry.files?.length) return `${base}（${entry.files.map((f) => isolate(f.name)).join('、')}）`;
  return base;
}
