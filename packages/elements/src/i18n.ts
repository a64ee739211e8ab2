/**
 * Text for people, zh-CN first. Each module keeps its own `Message`s next to the code
 * that shows them; this file holds what they share.
 */
import { toLocale, type Locale, type Message } from '@matterform/core';

export type { Locale, Message };

export function say(message: Message, lang: Locale, params?: Record<string, string | number>): string {
  if (!params) return message[lang];
  return message[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The element's language: its own `lang`, else the nearest ancestor's (crossing shadow roots), else zh-CN. */
export function langOf(element: Element): Locale {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return toLocale(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLocale(undefined);
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
export const ERROR_PREFIX: Message = { 'zh-CN': '错误：', en: 'Error: ' };
