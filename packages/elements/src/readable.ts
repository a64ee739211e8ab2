/**
 * How values and the keepers of data read where only the later parts of a form say them: the
 * review, the materials, the notes under a prefilled field. Kept out of present.ts, which the
 * first step needs, so the entry does not carry them (SPEC §9's budget).
 */
import { localize, type Locale, type MatterPlan, type ProviderId } from '@matterform/core';
import { displayValue } from './present.js';
import type { WidgetOption } from './widgets/widget.js';

/** A value as people read it, with option labels and yes/no in the page's language. */
export function readableValue(value: unknown, options: readonly WidgetOption[], lang: Locale): string {
  if (value === undefined || value === null || value === '') return lang === 'en' ? 'Not given' : '未填写';
  const label = (v: unknown) => options.find((o) => JSON.stringify(o.value) === JSON.stringify(v))?.label;
  if (Array.isArray(value))
    return value.map((v) => label(v) ?? readableValue(v, [], lang)).join(lang === 'en' ? ', ' : '、');
  if (typeof value === 'boolean')
    return label(value) ?? (value ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否');
  return label(value) ?? displayValue(value);
}

/**
 * Masks an identifier (SPEC §2 concept `mask`, e.g. `keep 4 …4`): the first and last
 * characters stay, the rest become `*` — `4301**********123X`.
 */
export function maskText(text: string, mask = 'keep 4 …4'): string {
  const match = /keep\s+(\d+)\s*(?:…|\.\.\.)\s*(\d+)/.exec(mask);
  let head = match ? Number(match[1]) : 4;
  let tail = match ? Number(match[2]) : 4;
  // Short values would otherwise show whole: keep at most a third of them.
  if (head + tail >= text.length) {
    head = Math.floor(text.length / 3);
    tail = Math.floor(text.length / 3);
  }
  return text.slice(0, head) + '*'.repeat(Math.max(0, text.length - head - tail)) + text.slice(text.length - tail);
}

/** Who keeps a provider's data, to tell the person where to have it corrected. */
export function providerKeeper(plan: MatterPlan, provider: ProviderId | string, lang: Locale): string | undefined {
  if (provider.startsWith('licence:')) {
    const issuer = plan.licenceById.get(provider.slice(8))?.issuer;
    return issuer === undefined ? undefined : localize(issuer, lang);
  }
  if (provider.startsWith('source:')) {
    const keeper = plan.sourceById.get(provider.slice(7))?.provider;
    return keeper === undefined ? undefined : localize(keeper, lang);
  }
  return undefined;
}
