/**
 * `matterform prefill` (SPEC §8): what the form would fill for one synthetic subject, with
 * every consent given — the same engines and the same fixtures the mock gateway serves.
 */
import {
  createConditionTester,
  evaluateMaterials,
  localize,
  planMatter,
  prefill,
  recordConsents,
  staticConnector,
  type Catalogue,
  type Conflict,
  type Fixtures,
  type InvalidValue,
  type BaseLocale as Locale,
  type MaterialEntry,
  type ProviderFailure,
  type ProviderId,
} from '@matterform/core';

export interface PrefillReport {
  fields: Record<string, { value: unknown; provider: ProviderId; locked: boolean; conflicts?: Conflict[] }>;
  materials: MaterialEntry[];
  failed: ProviderFailure[];
  invalid: InvalidValue[];
}

/** A request the command cannot answer: an unknown matter or subject, or a subject outside the audience. */
export class PrefillRefused extends Error {}

export async function prefillReport(
  catalogue: Catalogue,
  fixtures: Fixtures,
  options: { matter: string; subject: string; today?: string; lang: Locale },
): Promise<PrefillReport> {
  const en = options.lang === 'en';
  const matter = catalogue.matters.find((m) => m.id === options.matter);
  if (!matter) throw new PrefillRefused(en ? `unknown matter "${options.matter}"` : `未知事项“${options.matter}”`);
  const entry = fixtures.subjects.find((s) => s.subject.id === options.subject);
  if (!entry)
    throw new PrefillRefused(
      en ? `no synthetic subject "${options.subject}" in the fixtures` : `夹具中没有合成申请人“${options.subject}”`,
    );
  const { subject } = entry;
  const audience = matter.audience ?? ['person', 'organization'];
  if (!audience.includes(subject.kind)) {
    const title = localize(matter.title, options.lang);
    throw new PrefillRefused(
      en
        ? `${title} is for ${audience.join(' and ')} applicants; ${subject.id} is ${subject.kind === 'person' ? 'a person' : 'an organization'}`
        : `${title}面向${audience.map((k) => (k === 'person' ? '自然人' : '法人')).join('、')}，${subject.id} 是${subject.kind === 'person' ? '自然人' : '法人'}`,
    );
  }
  // Midday of the given day: the same date in every time zone a reader may be in.
  const now = options.today ? () => new Date(`${options.today}T12:00:00Z`) : () => new Date();
  const plan = planMatter(matter, catalogue, subject.kind);
  const test = createConditionTester(plan.schema);
  const result = await prefill(plan, {
    test,
    subject: { kind: subject.kind, id: subject.id },
    connectors: [staticConnector({ catalogue, fixtures, now })],
    consents: recordConsents(plan, { givenTo: 'host', now }),
    now,
    defaults: true,
    ...(options.today ? { today: options.today } : {}),
  });
  const fields: PrefillReport['fields'] = {};
  const conflictsAt = new Map(result.conflicts.map((c) => [c.pointer, c.conflicts]));
  for (const fill of result.filled) {
    const conflicts = conflictsAt.get(fill.pointer);
    fields[fill.pointer] = {
      value: fill.value,
      provider: fill.provider,
      locked: fill.locked,
      ...(conflicts ? { conflicts } : {}),
    };
  }
  const materials = evaluateMaterials(plan, {
    data: result.data,
    answers: result.answers,
    test,
    ...(options.today ? { today: options.today } : {}),
  });
  return { fields, materials, failed: result.failed, invalid: result.invalid };
}
