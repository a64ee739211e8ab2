/**
 * Text (SPEC §1: a zh-CN string, or locale → string) as the panels edit it: one input per
 * language side by side, each applying its edit on `change` so one edit is one undo step.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Locale, Text } from '@matterform/core';
import { say } from '@matterform/elements';
import { languageMessages as m } from '../i18n/properties.js';

/** The languages the designer writes side by side. */
export const DESIGN_LOCALES = ['zh-CN', 'en'] as const;
export type DesignLocale = (typeof DESIGN_LOCALES)[number];

/** The text in `locale` exactly as written (no fallback): what its input shows. */
export function textIn(text: Text | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return locale === 'zh-CN' ? text : '';
  return text[locale] ?? '';
}

export function languageName(locale: DesignLocale, lang: Locale): string {
  return say(locale === 'zh-CN' ? m.chinese : m.english, lang);
}

/**
 * A labelled pair of inputs, zh-CN and en; `id` makes the inputs' ids (`<id>-zh-CN`, `<id>-en`),
 * which tests and the panels' refocusing select.
 */
export function bilingualInputs(options: {
  id: string;
  label: string;
  value: (locale: DesignLocale) => string;
  change: (locale: DesignLocale, value: string) => void;
  lang: Locale;
  multiline?: boolean;
  disabled?: boolean;
}): TemplateResult {
  const { id, label, value, change, lang, multiline, disabled } = options;
  return html`<fieldset class="bilingual">
    <legend>${label}</legend>
    ${DESIGN_LOCALES.map((locale) => {
      const inputId = `${id}-${locale}`;
      const onChange = (event: Event) => change(locale, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
      return html`<div class="control">
        <label for=${inputId}>${languageName(locale, lang)}</label>
        ${
          multiline
            ? html`<textarea
                id=${inputId}
                lang=${locale}
                rows="2"
                .value=${live(value(locale))}
                ?disabled=${disabled}
                @change=${onChange}
              ></textarea>`
            : html`<input
                id=${inputId}
                lang=${locale}
                .value=${live(value(locale))}
                ?disabled=${disabled}
                @change=${onChange}
              />`
        }
      </div>`;
    })}
  </fieldset>`;
}

/** Text as people read it in the designer's language, with `fallback` when there is none. */
export function shownText(text: Text | undefined, lang: Locale, fallback = ''): string {
  const own = textIn(text, lang);
  if (own) return own;
  return textIn(text, 'zh-CN') || (typeof text === 'object' ? (Object.values(text)[0] ?? '') : '') || fallback;
}
