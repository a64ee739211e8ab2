/**
 * The steps after the fields as the form draws them — the materials, the review (with what
 * may be kept on this device for next time), the confirmation — and the materials' entries kept up with the data. Part of the form's later
 * chunk (form/later.ts); until it is here those steps are drawn busy.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { todayOf, type Locale } from '@matterform/core';
import type { FormShell } from './form-link.js';
import type { FormState } from './form-state.js';
import type { Receipt } from './matter-form.js';
import { focusError, MATERIALS_FROM_END } from './problems.js';
import { renderConfirmation } from './views/confirmation.js';
import { renderMaterialsStep } from './views/materials-step.js';
import { renderReview } from './views/review.js';

/** The materials or the review step. */
export function renderLaterStep(
  form: FormShell,
  state: FormState,
  id: 'materials' | 'review',
  lang: Locale,
): TemplateResult | typeof nothing {
  const { host, prefill, materials } = form;
  if (id === 'review') {
    const { device } = prefill;
    // What may be kept on this device for next time (form/views/archive-view.ts): drawn once
    // that view's chunk is here, which it is before a form with an archive reaches this step.
    const keep = host.readonly
      ? nothing
      : (device.view?.renderKeepChoice(device, state, lang, form.disabled()) ?? nothing);
    return html`${renderReview(state, form.entries, lang, {
      answer: (pointer) => focusError(form, pointer),
      material: (material) => form.goTo(state.steps.length - MATERIALS_FROM_END, `mm-${material}`),
    })}${keep}`;
  }
  // Made with the chunk (matter-form.ts #takeLater): here whenever this is.
  if (!materials) return nothing;
  const phase = host._phase;
  return renderMaterialsStep(
    state,
    {
      entries: form.entries,
      controller: materials,
      readonly: host.readonly,
      disabled: form.disabled(),
      showErrors: form.materialErrors,
      checking: phase === 'filling' || phase === 'consent',
      documents: prefill.device.documents,
      answers: prefill.answers,
    },
    lang,
  );
}

/** What is shown once the gateway took the submission: the confirmation, with the printable record. */
export function renderSubmitted(form: FormShell, state: FormState, receipt: Receipt, lang: Locale): TemplateResult {
  return renderConfirmation(state.matter, receipt, lang, renderReview(state, form.entries, lang));
}

/**
 * Works the materials' entries out again from the data, the providers' answers and the
 * uploads (before every render: uploads change through the materials' controller, which only
 * asks for one); a change is told once (`matter-materials`).
 */
export function refreshMaterials(form: FormShell): void {
  const state = form.state();
  const checks = form.checks();
  const { materials, prefill } = form;
  if (!state || !checks || !materials) return;
  const entries = prefill.device.withDeviceFiles(
    materials.entries({
      plan: state.plan,
      data: state.data,
      answers: prefill.answers,
      today: todayOf(new Date()),
      test: checks.test,
    }),
  );
  const key = JSON.stringify(entries);
  form.entries = entries;
  if (key === form.entriesKey) return;
  form.entriesKey = key;
  form.materialsChanged();
  form.host.dispatchEvent(
    new CustomEvent('matter-materials', { detail: { materials: entries }, bubbles: true, composed: true }),
  );
}
