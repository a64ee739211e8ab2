// Prefill benchmark: a 200-field matter whose fields come from 10 sources, each answering
// after an injected 50 ms. The figure is the engine's overhead: total prefill time minus the
// slowest source's own time.
import { loadCatalogue, planMatter, prefill, staticConnector } from '@matterform/core';

const SOURCES = 10;
const FIELDS_PER_SOURCE = 20;
const DELAY_MS = 50;
const SUBJECT = { kind: 'person', id: '430102199003077433' };
const LEVELS = ['ministry', 'ministry', 'ministry', 'province', 'province', 'province', 'city', 'city', 'city', 'city'];

/** The benchmark catalogue and fixtures: source `bench-s<i>` provides concepts `bench.s<i>.f<j>`. */
export function benchCatalogue() {
  const concepts = [];
  const sources = [];
  const properties = {};
  const raw = {};
  for (let s = 0; s < SOURCES; s++) {
    const provides = {};
    const group = {};
    raw[`bench-s${s}`] = { $delayMs: DELAY_MS };
    for (let f = 0; f < FIELDS_PER_SOURCE; f++) {
      const concept = `bench.s${s}.f${f}`;
      concepts.push({ id: concept, title: `字段 ${s}-${f}`, schema: { type: 'string', maxLength: 64 } });
      provides[concept] = `/f${f}`;
      group[`f${f}`] = { type: 'string', title: `字段 ${s}-${f}`, maxLength: 64, 'x-concept': concept };
      raw[`bench-s${s}`][`f${f}`] = `值 ${s}-${f}`;
    }
    sources.push({
      id: `bench-s${s}`,
      title: `基准数据源 ${s}`,
      level: LEVELS[s],
      subjectKinds: ['person'],
      provides,
      timeoutMs: 2000,
    });
    properties[`group${s}`] = { type: 'object', title: `分组 ${s}`, properties: group };
  }
  const matter = {
    id: 'bench-200',
    version: '1.0.0',
    title: '基准事项（200 个字段）',
    authority: '基准',
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties },
  };
  const load = loadCatalogue({ concepts, sources, licences: [], matters: [matter] });
  if (!load.ok) throw new Error(load.errors.map((p) => p.message.en).join('\n'));
  const fixtures = { subjects: [{ subject: SUBJECT, label: 'synthetic benchmark subject', sources: raw }] };
  return { catalogue: load.catalogue, fixtures };
}

/** Wraps a connector to time each source call from the engine's side. */
function timed(connector, durations) {
  return {
    sources: '*',
    async source(id, request) {
      const start = performance.now();
      try {
        return await connector.source(id, request);
      } finally {
        durations.push(performance.now() - start);
      }
    },
  };
}

export async function benchPrefill({
  runs = 40,
  connectors: makeConnectors,
  catalogue: given,
  subjectToken = false,
} = {}) {
  const { catalogue, fixtures } = given ?? benchCatalogue();
  const matter = catalogue.matters[0];
  const planStart = performance.now();
  const plan = planMatter(matter, catalogue, 'person');
  const planMs = performance.now() - planStart;
  const inner = makeConnectors ? undefined : staticConnector({ catalogue, fixtures });
  const once = async () => {
    const durations = [];
    const connectors = makeConnectors ? makeConnectors(durations) : [timed(inner, durations)];
    const start = performance.now();
    const subject = subjectToken ? { ...SUBJECT, token: `demo:${SUBJECT.id}` } : SUBJECT;
    const result = await prefill(plan, { subject, connectors });
    const total = performance.now() - start;
    if (result.filled.length !== SOURCES * FIELDS_PER_SOURCE || result.failed.length > 0)
      throw new Error(
        `benchmark prefill filled ${result.filled.length} fields, failed ${JSON.stringify(result.failed)}`,
      );
    const slowest = Math.max(...durations);
    return { total, slowest, overhead: total - slowest };
  };
  const cold = await once();
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  return { planMs, cold, samples };
}

export const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
};
