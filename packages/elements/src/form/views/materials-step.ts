/** The materials step: the materials view, with the copies kept on the device or listed by the gateway's archive. */
import type { TemplateResult } from 'lit';
import type { Locale, MaterialEntry, ProviderAnswers } from '@matterform/core';
import type { KeptDocument } from '@matterform/archive';
import type { FormState } from '../form-state.js';
import type { MaterialsController } from '../../materials/materials-controller.js';
import { renderMaterials } from '../../materials/materials-view.js';

export interface MaterialsStepView {
  entries: MaterialEntry[];
  controller: MaterialsController;
  readonly: boolean;
  disabled: boolean;
  showErrors: boolean;
  /** Statuses may still change: the providers are being asked, or wait for consent. */
  checking: boolean;
  /** This subject's documents kept on the device, by material. */
  documents: ReadonlyMap<string, KeptDocument>;
  answers?: ProviderAnswers;
}

export function renderMaterialsStep(state: FormState, view: MaterialsStepView, lang: Locale): TemplateResult {
  return renderMaterials({
    plan: state.plan,
    entries: view.entries,
    catalogue: state.catalogue,
    lang,
    controller: view.controller,
    readonly: view.readonly,
    disabled: view.disabled,
    showErrors: view.showErrors,
    idPrefix: 'mm',
    checking: view.checking,
    archived: (id) => {
      const device = view.documents.get(id);
      if (device) return { name: device.name, size: device.size, file: device.file };
      const listed = view.answers?.archive?.documents.find((d) => d.material === id);
      return (
        listed && {
          name: listed.name,
          ...(listed.size !== undefined ? { size: listed.size } : {}),
          ...(listed.url ? { url: listed.url } : {}),
        }
      );
    },
  });
}
