/**
 * Text for people: one `say()` for every message of the elements. The SDK writes zh-CN and
 * en itself (the tables beside this file, one per area); a host adds any other locale with
 * `registerMessages`, without forking: a key its pack leaves out is said in zh-CN (SPEC §1).
 */
import { toLocale, type Locale, type Message } from '@matterform/core';
import { chunk } from '../chunk.js';
import { isolate } from './bidi.js';

export type { Locale, Message };

/**
 * A message of a table in the entry (first step's words): its zh-CN is here, its English in
 * the `english` chunk, fetched before a form that speaks en is drawn (SPEC §9's budget).
 */
export type ChineseFirst = { 'zh-CN': string; en?: undefined };

/** A host's messages for one locale: per area (`form`, `materials`, …), per key, the text. */
export type MessagePack = Partial<Record<string, Partial<Record<string, string>>>>;

const packs = new Map<string, MessagePack>();
/** Each message of a table, to its area and key: how a pack finds the text it replaces. */
const names = new WeakMap<Message | ChineseFirst, [string, string]>();

/** A table of messages for `area`, made known to the packs (`registerMessages`). */
export function messages<T extends Record<string, Message | ChineseFirst>>(area: string, table: T): T {
  for (const [key, message] of Object.entries(table)) names.set(message, [area, key]);
  return table;
}

/** A table of the entry's messages for `area`, zh-CN only; `english.ts` holds their English. */
export function chineseFirst<K extends string>(area: string, table: Record<K, string>): Record<K, ChineseFirst> {
  const made = {} as Record<K, ChineseFirst>;
  for (const key of Object.keys(table) as K[]) made[key] = { 'zh-CN': table[key] };
  return messages(area, made);
}

/** The English of the entry's messages; a form speaking en waits for it before drawing. */
export const loadEnglish = chunk(() => import('./english.js'));

/** The English of one of the entry's messages, once the `english` chunk is here. */
function englishOf(area: string, key: string): string | undefined {
  const tables: Partial<Record<string, Record<string, string>>> | undefined = loadEnglish.loaded?.english;
  return tables?.[area]?.[key];
}

/** Whether `lang` is en and the English of the entry's messages still has to be fetched. */
export const englishMissing = (lang: Locale): boolean => lang === 'en' && !loadEnglish.loaded;

/**
 * Adds (or extends) the messages of `locale`, e.g. `registerMessages('fr', { form: { next:
 * 'Enregistrer et continuer' } })`: a form whose language is `fr` then says them.
 */
export function registerMessages(locale: string, pack: MessagePack): void {
  // Without a prototype: an area or key named `constructor` or `__proto__` is only a name.
  const known: Record<string, Record<string, string>> = packs.get(locale) ?? Object.create(null);
  for (const [area, table] of Object.entries(pack))
    known[area] = Object.assign(Object.create(null) as Record<string, string>, known[area], table);
  packs.set(locale, known);
}

export function say(message: Message | ChineseFirst, lang: Locale, params?: Record<string, string | number>): string {
  let text: string;
  if (lang === 'zh-CN') text = message['zh-CN'];
  else {
    const [area = '', key = ''] = names.get(message) ?? [];
    if (lang === 'en') text = message.en ?? englishOf(area, key) ?? message['zh-CN'];
    else {
      const pack = packs.get(lang) ?? packs.get(lang.split('-')[0] as string);
      text = pack?.[area]?.[key] ?? message['zh-CN'];
    }
  }
  if (!params) return text;
  // A value put into a message is isolated: bidi controls in a name cannot reorder the words around it.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? isolate(String(params[name])) : whole,
  );
}

/**
 * A language tag as the elements speak it: `en…` is en, `zh…` (or none) zh-CN, and any other
 * tag stays itself, so its `x-i18n` and a registered pack are used (and zh-CN where they are silent).
 */
export function localeOf(tag: string | null | undefined): Locale {
  return !tag || /^(en|zh)(-|$)/i.test(tag) ? toLocale(tag) : tag;
}

/** The element's language: its own `lang`, else the nearest ancestor's (crossing shadow roots), else zh-CN. */
export function langOf(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return localeOf(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return localeOf(undefined);
}

/** `2026-11-26` or an ISO timestamp, as people read dates: `2026年11月26日` / `26 Nov 2026`. */
export function formatDate(iso: string, lang: Locale): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric',
    month: lang === 'en' ? 'short' : 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** "错误：" / "Error:", the visually hidden prefix of every error message (GOV.UK pattern). */
export const ERROR_PREFIX: Message = messages('common', {
  errorPrefix: { 'zh-CN': '错误：', en: 'Error: ' },
}).errorPrefix;
