/**
 * What every panel is given by `<matter-designer>`: a snapshot of the design (a new object
 * after every edit, so lit sees the change) and the actions, which all end in one JSON Patch.
 * Panels never change the matter themselves.
 */
import type { Catalogue, FixtureSubject, Forecast, Locale, Matter, MatterRating, Message } from '@matterform/core';
import type { Patch } from '../document/design-document.js';
import type { Outline } from '../document/outline-types.js';

/** What the designer has selected: the matter itself, a field (by its schema location), or an entry of a list panel. */
export type Selection =
  | { kind: 'matter' }
  | { kind: 'field'; schema: string }
  | { kind: 'step'; index: number }
  | { kind: 'material'; index: number }
  | { kind: 'output'; index: number };

export interface DesignProblem {
  severity: 'error' | 'warning';
  /** Pointer into the matter document. */
  pointer: string;
  message: Message;
  code?: string;
  /** An edit that fixes it (advice), applied with one action. */
  fix?: { label: Message; patch: Patch };
}

/** The fill forecast of SPEC §10, computed by core's `forecastMatter`. */
export type { FieldForecast, Forecast } from '@matterform/core';

export interface DesignView {
  matter: Matter;
  catalogue: Catalogue;
  lang: Locale;
  readonly: boolean;
  outline: Outline;
  rating: MatterRating | undefined;
  problems: DesignProblem[];
  /**
   * False while `problems` are still those of an earlier document (they are found once the
   * edit is drawn): a panel waits for them before it moves focus by them.
   */
  problemsChecked?: boolean;
  forecast: Forecast | undefined;
  selection: Selection;
  /** Synthetic subjects (SPEC §7) the preview can fill the form for. */
  fixtures?: FixtureSubject[];
  /** A mock gateway's base URL: the preview then asks it for subjects and data instead of `fixtures`. */
  gateway?: string;
}

export interface DesignActions {
  /**
   * Applies one edit (recorded for undo); `select` is what to select and focus afterwards —
   * unless `keepFocus`: a panel that puts focus back on its own control (a renamed key, a new
   * step's title) keeps it there.
   */
  apply(patch: Patch, options?: { label?: string; select?: Selection; keepFocus?: boolean }): void;
  select(selection: Selection, options?: { focus?: boolean }): void;
  /** Says `text` in the designer's polite live region. */
  announce(text: string): void;
}
