/** Text shown to people: a zh-CN string, or locale → string with zh-CN as the fallback (SPEC §1). */
import type { Text } from './generated/catalogue.js';

/** The SDK's own locales: every `Message` has both. */
export type BaseLocale = 'zh-CN' | 'en';
/** A language to show: one of the SDK's own, or any tag a host brings texts (`x-i18n`, messages) for. */
export type Locale = BaseLocale | (string & {});
/** A message the SDK itself writes, in both of its locales. */
export type Message = { 'zh-CN': string; en: string };

export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function localize(text: Text | undefined, lang: string = DEFAULT_LOCALE): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[lang.split('-')[0] ?? ''] ?? text[DEFAULT_LOCALE] ?? Object.values(text)[0] ?? '';
}

/** `en`, `en-GB` → `en`; anything else → `zh-CN`. */
export function toLocale(lang: string | undefined | null): BaseLocale {
  return lang && /^en(-|$)/i.test(lang) ? 'en' : 'zh-CN';
}
