/**
 * The notes under a field whose value a provider gave: where it came from, whether it is
 * locked and who corrects it, what other sources said. Part of the prefill chunk, which alone
 * gives values provenance and hands them to the field drawing when it loads (`useProvenanceNotes`).
 */
import type { Locale, Provenance } from '@matterform/core';
import { isolate } from '../i18n/bidi.js';
import { formatDate, say } from '../i18n/say.js';
import { fieldMessages as T } from '../i18n/fields.js';
import { providerName } from '../present.js';
import { providerKeeper, readableValue } from '../readable.js';
import type { FormState } from '../form/form-state.js';
import type { WidgetOption } from '../widgets/widget.js';
import type { FieldNote } from './chrome.js';

/** Where a prefilled value came from, whether it is locked, and what other sources said. */
export function provenanceNotes(
  state: FormState,
  provenance: Provenance,
  id: string,
  locked: boolean,
  options: readonly WidgetOption[],
  lang: Locale,
): FieldNote[] {
  const provider = providerName(state.plan, provenance.provider, lang);
  const keeper = providerKeeper(state.plan, provenance.provider, lang);
  const notes: FieldNote[] = [
    [
      'badge',
      `${id}-badge`,
      provenance.edited
        ? say(T.youChanged, lang, { provider })
        : say(T.from, lang, { provider, date: formatDate(provenance.fetchedAt, lang) }),
    ],
  ];
  if (locked)
    notes.push([
      'lock-note',
      `${id}-lock`,
      say(keeper ? T.locked : T.lockedNoKeeper, lang, { provider, keeper: keeper ?? '' }),
    ]);
  if (provenance.conflicts?.length)
    notes.push([
      'conflicts',
      null,
      say(T.conflicts, lang) +
        provenance.conflicts
          // Each source and its value isolated (i18n/bidi.ts): neither reorders the list around it.
          .map(
            (c) =>
              `${isolate(providerName(state.plan, c.provider, lang))}：${isolate(readableValue(c.value, options, lang))}`,
          )
          .join(lang === 'en' ? '; ' : '；'),
    ]);
  return notes;
}
