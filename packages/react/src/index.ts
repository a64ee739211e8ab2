// React 19 components for the elements of @matterform/elements (SPEC §5), made by @lit/react:
// every property of the element is a prop, set as a property (objects stay objects), and
// every event has an `onMatter…` prop typed with its detail. Importing this module defines
// <matter-form>, <matter-materials> and <matter-status>.
import { createComponent, type EventName } from '@lit/react';
import {
  MatterForm as MatterFormElement,
  MatterMaterials as MatterMaterialsElement,
  MatterStatus as MatterStatusElement,
  type MatterEventMap,
  type MatterMaterialsDetail,
  type MatterStatusDetail,
} from '@matterform/elements';
import * as React from 'react';

// Defined here, not by importing the elements' entry point for its side effect: a bundler that
// honours @matterform/elements' `sideEffects` takes only the classes from it and drops its
// define modules. A page that defined a tag first keeps its own; on a server there is no registry.
if (typeof customElements !== 'undefined') {
  if (!customElements.get('matter-form')) customElements.define('matter-form', MatterFormElement);
  if (!customElements.get('matter-materials')) customElements.define('matter-materials', MatterMaterialsElement);
  if (!customElements.get('matter-status')) customElements.define('matter-status', MatterStatusElement);
}

type MatterEvent<K extends keyof MatterEventMap> = EventName<MatterEventMap[K]>;

/** The prop → event map of `<MatterForm>`: one prop per event of SPEC §5's table. */
const formEvents = {
  onMatterReady: 'matter-ready' as MatterEvent<'matter-ready'>,
  onMatterConsent: 'matter-consent' as MatterEvent<'matter-consent'>,
  onMatterPrefill: 'matter-prefill' as MatterEvent<'matter-prefill'>,
  onMatterInput: 'matter-input' as MatterEvent<'matter-input'>,
  onMatterStep: 'matter-step' as MatterEvent<'matter-step'>,
  onMatterSubmit: 'matter-submit' as MatterEvent<'matter-submit'>,
  onMatterSubmitted: 'matter-submitted' as MatterEvent<'matter-submitted'>,
  onMatterError: 'matter-error' as MatterEvent<'matter-error'>,
  onMatterMaterials: 'matter-materials' as EventName<CustomEvent<MatterMaterialsDetail>>,
};

/**
 * `<matter-form>` as a React component. Props: the element's properties (`matter` or `schema`,
 * `catalogue`, `subject`, `connectors`, `value`, `validators`, `archive`, `consent`, `lang`,
 * `readonly`, `disabled`, `name`, `src`, `catalogueSrc`, `gateway`, `action`, …) and
 * `onMatterReady` … `onMatterMaterials`; a `ref` gives the element (`submit()`, `prefill()`).
 */
export const MatterForm = createComponent({
  react: React,
  tagName: 'matter-form',
  elementClass: MatterFormElement,
  events: formEvents,
  displayName: 'MatterForm',
});

/** `<matter-materials>` as a React component: its properties and `onMatterMaterials`. */
export const MatterMaterials = createComponent({
  react: React,
  tagName: 'matter-materials',
  elementClass: MatterMaterialsElement,
  events: { onMatterMaterials: formEvents.onMatterMaterials },
  displayName: 'MatterMaterials',
});

/**
 * `<matter-status>` (case tracking) as a React component: `action` or `gateway`, `subject`,
 * `reference`, `archive`, `lang`, and `onMatterStatus` with each case's status as read.
 */
export const MatterStatus = createComponent({
  react: React,
  tagName: 'matter-status',
  elementClass: MatterStatusElement,
  events: { onMatterStatus: 'matter-status' as EventName<CustomEvent<MatterStatusDetail>> },
  displayName: 'MatterStatus',
});

/** The props each component takes, for hosts that wrap them again. */
export type MatterFormProps = React.ComponentProps<typeof MatterForm>;
export type MatterMaterialsProps = React.ComponentProps<typeof MatterMaterials>;
export type MatterStatusProps = React.ComponentProps<typeof MatterStatus>;

export type {
  MatterConsentDetail,
  MatterErrorCode,
  MatterErrorDetail,
  MatterEventMap,
  MatterInputDetail,
  MatterMaterialsDetail,
  MatterPrefillDetail,
  MatterReadyDetail,
  MatterStatusDetail,
  MatterStepDetail,
  MatterSubmitDetail,
  MatterSubmittedDetail,
  MatterSubject,
  Receipt,
} from '@matterform/elements';
// The element classes, for refs: `useRef<MatterFormElement>(null)`.
export type { MatterFormElement, MatterMaterialsElement, MatterStatusElement };
