// `node bench/render.mjs --profile [--size=1000] [--ajv] [--save]`: where a first visit's time
// goes. One cold first render (a new incognito context, as bench/render.mjs measures it) of
// <matter-form> with a precompiled validator (with `--ajv` also with ajv compiling at run
// time) and of the independent hand-written page, each traced by Chromium (devtools.timeline,
// v8 and its sampling CPU profiler), printed as:
// - the window: navigation start → the last field painted, and the main thread's busy time in
//   it by kind (HTML parse, script parse and compile, module evaluation, other script, style
//   recalculation, layout, paint and composite, GC), the rest idle (waiting on the network);
// - each file fetched: when it arrived, its compile time, the time spent in its code;
// - the script time by source module: the CPU profile's samples traced through the bundle's
//   source maps (bench/profiles.mjs) to packages/*/src, lit and ajv, so plan, schema walk,
//   validator load or compile, lit template preparation and field drawing each show as the
//   modules that do them.
// With `--save` each trace is written to .tmp/cold-<page>-<size>.json for DevTools' Performance panel.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { frameDescriber } from './profiles.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/** The kind of main-thread work a trace event is, by its name; undefined for a wrapper (a task). */
function kindOf(name) {
  if (name === 'ParseHTML') return 'HTML parse';
  if (/^v8\.(compile|parse)|^V8\.Compile|^v8\.produce(Module)?Cache/.test(name)) return 'script parse + compile';
  if (name === 'v8.evaluateModule' || name === 'EvaluateScript') return 'script: module top level (and what it calls)';
  if (
    /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|v8\.callFunction|V8\.Execute)$/.test(name)
  )
    return 'script: callbacks, microtasks';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/.test(name))
    return 'style recalculation';
  if (name === 'Layout') return 'layout';
  if (/^(LocalWindowProxy::|V8\.DeserializeContext|ContextCreatedNotification|InstallConditionalFeatures)/.test(name))
    return 'JavaScript context set-up';
  if (name === 'CpuProfiler::StartProfiling') return 'profiler start (tracing only)';
  if (/^(PrePaint|Paint|Layerize|Commit|UpdateLayer|PaintImage|CompositeLayers|UpdateLayerTree|Rasterize)$/.test(name))
    return 'paint + composite';
  if (/GC|^V8\.GC/.test(name)) return 'garbage collection';
  return undefined;
}

/** Self time (µs) of each event on one thread, nested by time: `[{ event, self }]`. */
function selfTimes(events) {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = [];
  const stack = [];
  for (const event of sorted) {
    while (stack.length > 0 && stack.at(-1).event.ts + stack.at(-1).event.dur <= event.ts) stack.pop();
    const entry = { event, self: event.dur, parent: stack.at(-1) };
    if (entry.parent)
      entry.parent.self -= Math.min(event.dur, entry.parent.event.ts + entry.parent.event.dur - event.ts);
    stack.push(entry);
    out.push(entry);
  }
  return out;
}

/**
 * The CPU profile samples of `pid` from the trace's ProfileChunk events: `[{ frame, ts, ms }]`.
 * A renderer may hold more than one profile (one per context it ran): each is read on its own.
 */
function samplesOf(events, pid) {
  const out = [];
  for (const profile of events.filter((e) => e.name === 'Profile' && e.pid === pid)) {
    const nodes = new Map();
    const samples = [];
    let ts = profile.args.data.startTime;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)) {
      const data = chunk.args.data;
      for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
      const ids = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        ts += deltas[i] ?? 0;
        samples.push({ id: ids[i], ts });
      }
    }
    out.push(
      ...samples.map((sample, i) => ({
        frame: { url: '', functionName: '(unknown)', ...nodes.get(sample.id)?.callFrame },
        ts: sample.ts,
        ms: ((samples[i + 1]?.ts ?? sample.ts) - sample.ts) / 1000,
      })),
    );
  }
  return out;
}

const ms = (us) => `${(us / 1000).toFixed(1)} ms`.padStart(10);
const shortUrl = (url) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

/** Prints where the time of one traced cold load went. */
async function printTrace(label, cold, traceText, describe) {
  const { traceEvents: events } = JSON.parse(traceText);
  // The renderer that parsed the cold page, and its last navigation start before that.
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').includes('/cold/'));
  const navigation = events
    .filter((e) => e.name === 'navigationStart' && parse && e.pid === parse.pid && e.ts <= parse.ts)
    .sort((a, b) => b.ts - a.ts)[0];
  if (!navigation) throw new Error(`${label}: no navigation in the trace`);
  const { pid } = navigation;
  const start = navigation.ts;
  const end = start + cold.painted * 1000;
  const within = (e) => e.ts >= start && e.ts <= end;
  const main = events.filter((e) => e.pid === pid && e.tid === navigation.tid && e.ph === 'X' && within(e));

  console.log(`\n  ${label}: navigation start → last field painted ${cold.painted.toFixed(1)} ms`);
  console.log(
    `    (document received ${cold.documentLoaded.toFixed(1)} ms, page module running ${cold.scriptsRun.toFixed(1)} ms,` +
      ` last field in the DOM ${cold.drawn.toFixed(1)} ms)`,
  );

  // Main thread by kind: each event's self time to its kind; a task's own time to "other".
  const byKind = new Map();
  let busy = 0;
  for (const { event, self, parent } of selfTimes(main)) {
    if (!parent) busy += event.dur;
    // An unnamed part of a task, or of an event of no kind, counts where its nearest named parent does.
    let owner = kindOf(event.name);
    for (let up = parent; !owner && up; up = up.parent) owner = kindOf(up.event.name);
    owner ??= 'other (task time no trace event names)';
    byKind.set(owner, (byKind.get(owner) ?? 0) + Math.max(0, self));
  }
  console.log('    main thread, by kind of work');
  for (const [kind, us] of [...byKind].sort((a, b) => b[1] - a[1]))
    if (us >= 100) console.log(`    ${ms(us)}  ${kind}`);
  console.log(`    ${ms(end - start - busy)}  idle (waiting: network, process start, other threads)`);

  // Per file: when it arrived, its main-thread compile, the CPU time in its code.
  const requests = new Map();
  for (const e of events.filter((e) => e.pid === pid || e.name.startsWith('Resource'))) {
    const data = e.args?.data;
    if (e.name === 'ResourceSendRequest') requests.set(data.requestId, { url: data.url, sent: e.ts });
    if (e.name === 'ResourceFinish' && requests.has(data.requestId)) requests.get(data.requestId).finished = e.ts;
  }
  const compile = new Map();
  for (const e of main)
    if (/compile|parse/i.test(e.name) && e.args?.fileName)
      compile.set(e.args.fileName, (compile.get(e.args.fileName) ?? 0) + e.dur);
  const background = new Map();
  for (const e of events)
    if (e.pid === pid && e.tid !== navigation.tid && /parseOnBackground|ScriptStreaming/.test(e.name) && within(e)) {
      const url = e.args?.data?.url ?? e.args?.fileName;
      if (url) background.set(url, (background.get(url) ?? 0) + e.dur);
    }
  const samples = samplesOf(events, pid).filter((s) => s.ts >= start && s.ts <= end);
  const evaluations = main.filter((e) => e.name === 'v8.evaluateModule');
  const inEvaluation = (ts) => evaluations.some((e) => ts >= e.ts && ts <= e.ts + e.dur);
  const cpuByUrl = new Map();
  for (const s of samples) {
    if (!s.frame.url) continue;
    const entry = cpuByUrl.get(s.frame.url) ?? { total: 0, evaluation: 0 };
    entry.total += s.ms * 1000;
    if (inEvaluation(s.ts)) entry.evaluation += s.ms * 1000;
    cpuByUrl.set(s.frame.url, entry);
  }
  console.log(`    files${' '.repeat(40)}  arrived  compile(main) parse(bg) in module eval all its code`);
  const urls = [...new Set([...[...requests.values()].map((r) => r.url), ...cpuByUrl.keys()])].filter((url) =>
    url.startsWith('http'),
  );
  // The document's own arrival as the page measured it (the trace's is the browser process's).
  const arrival = (url) =>
    url.endsWith('.html')
      ? cold.documentLoaded * 1000
      : ([...requests.values()].find((r) => r.url === url)?.finished ?? start) - start;
  for (const url of urls.sort((a, b) => arrival(a) - arrival(b))) {
    const cpu = cpuByUrl.get(url) ?? { total: 0, evaluation: 0 };
    console.log(
      `    ${shortUrl(url).slice(0, 44).padEnd(44)} ${ms(arrival(url))}` +
        ` ${ms(compile.get(url) ?? 0)}   ${ms(background.get(url) ?? 0)} ${ms(cpu.evaluation)}  ${ms(cpu.total)}`,
    );
  }

  // Script time by source module, through the source maps.
  const byModule = new Map();
  let sampled = 0;
  for (const s of samples) {
    const name = await describe(s.frame);
    const module = /^[^\s:]+\.(ts|js|mjs)(?=:\d)/.exec(name)?.[0] ?? (s.frame.url ? shortUrl(s.frame.url) : name);
    byModule.set(module, (byModule.get(module) ?? 0) + s.ms);
    sampled += s.ms;
  }
  console.log(
    `    CPU profile (${sampled.toFixed(0)} ms sampled in the window): self time by source module` +
      " ((program): the browser's own work, e.g. parsing, style, layout)",
  );
  for (const [module, time] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, 18))
    console.log(`    ${`${time.toFixed(1)} ms`.padStart(10)}  ${module}`);
}

/**
 * Traces one cold first render of each page at `size` fields and prints where the time goes.
 * `bench` is bench/render.mjs's { benchForms, serve, launch, coldLoad } (passed in: that module
 * runs this one, and importing it back would wait on itself).
 */
export async function profileCold(
  { benchForms, serve, launch, coldLoad },
  { size = 1000, ajv = process.argv.includes('--ajv'), save = process.argv.includes('--save') } = {},
) {
  const pages = [
    ['precompiled', '<matter-form>, precompiled validator'],
    ...(ajv ? [['ajv', '<matter-form>, ajv compiles at run time']] : []),
    ['handwritten', 'independent hand-written page'],
  ];
  const forms = await benchForms([size]);
  const server = await serve(forms);
  const { browser } = await launch();
  const describe = await frameDescriber();
  try {
    console.log(
      `Cold first render profile, ${size} fields, ${await browser.version()} (one traced load each; tracing slows it)`,
    );
    // One untraced load first: the browser's own start-up work is then not in the figures.
    await coldLoad(browser, `${server.url}cold/handwritten-${size}.html`);
    for (const [kind, label] of pages) {
      const { trace, ...cold } = await coldLoad(browser, `${server.url}cold/${kind}-${size}.html`, {
        traced: CATEGORIES,
      });
      const text = Buffer.from(trace).toString('utf8');
      if (save) {
        await mkdir(`${ROOT}.tmp`, { recursive: true });
        await writeFile(`${ROOT}.tmp/cold-${kind}-${size}.json`, text);
      }
      await printTrace(label, cold, text, describe);
    }
    if (save) console.log(`\n  traces: .tmp/cold-<page>-${size}.json (DevTools → Performance → load profile)`);
  } finally {
    await browser.close();
    await server.close();
  }
}
