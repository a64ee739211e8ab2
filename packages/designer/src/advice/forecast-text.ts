/**
 * The fill forecast (SPEC §10, core's `forecastMatter`) as the designer shows it beside a
 * field, in the properties of the selected field and in its header. The numbers are those
 * `matterform report` prints: the expected number typed as core rounds it (two decimals);
 * a share rounded down to a whole percent, so a field 99.95 % of applicants find filled is
 * not "100 %" while the typed count says someone types it.
 */
import { localize, type Catalogue, type FieldForecast, type Forecast, type Locale } from '@matterform/core';
import { isolate, say } from '@matterform/elements';
import { forecastMessages as m } from '../i18n/forecast.js';

/** "≈82%", or "?" when a provider's coverage is unknown. */
export function shareBadge(field: FieldForecast, lang: Locale): string {
  return field.share === null ? '?' : `≈${percent(field.share, lang)}`;
}

/** "about 82% of applicants find it filled; providers: …", each provider by its title. */
export function shareSentence(field: FieldForecast, catalogue: Catalogue, lang: Locale): string {
  const providers = field.providers.map((p) => providerTitle(p, catalogue, lang)).join(lang === 'en' ? ', ' : '、');
  return field.share === null
    ? say(m.shareUnknown, lang, { providers })
    : say(m.share, lang, { percent: percent(field.share, lang), providers });
}

/** "a first-time applicant types about 1.58 required field(s)", and the unknown count when there is one. */
export function typedSentence(forecast: Forecast, lang: Locale): string {
  const typed = formatter(lang, 'typed').format(forecast.typed);
  const main = say(m.typed, lang, { typed });
  if (forecast.unknown === 0) return main;
  return `${main}${lang === 'en' ? '; ' : '，'}${say(m.unknown, lang, { count: forecast.unknown })}`;
}

/** A provider as people know it: the licence type's or source's title, not its id. */
export function providerTitle(provider: string, catalogue: Catalogue, lang: Locale): string {
  if (provider === 'archive') return say(m.archive, lang);
  const [kind, id] = provider.split(/:(.*)/s) as [string, string];
  const entry =
    kind === 'licence' ? catalogue.licences.find((l) => l.id === id) : catalogue.sources.find((s) => s.id === id);
  // Listed with others: isolated, so no name reorders the next (@matterform/elements `isolate`).
  return isolate(entry ? localize(entry.title, lang) : provider);
}

function percent(share: number, lang: Locale): string {
  return formatter(lang, 'percent').format(share);
}

const FORMATS: Record<'typed' | 'percent', Intl.NumberFormatOptions> = {
  typed: { maximumFractionDigits: 2 },
  percent: { style: 'percent', maximumFractionDigits: 0, roundingMode: 'floor' },
};
// Made once per language: constructing an Intl.NumberFormat costs far more than formatting, and
// the outline formats one share per field on every draw.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Locale, kind: keyof typeof FORMATS): Intl.NumberFormat {
  const locale = lang === 'en' ? 'en' : 'zh-CN';
  const key = `${locale} ${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, FORMATS[kind]);
    formatters.set(key, found);
  }
  return found;
}
