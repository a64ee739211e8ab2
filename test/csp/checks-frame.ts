// Runs in test/csp/checks.html, served with `script-src 'self'` (no 'unsafe-eval'): checks the
// sample matters with dist/matterform.js and their compiled validators, then asks for checks
// compiled at run time, and posts what happened to the test page that framed it.
import {
  answersOf,
  compiledValidator,
  loadedChunks,
  importBundle,
  sampleMatters,
} from '../bundle-checks.test-helpers.js';

export interface CspFrameReport {
  answers: Awaited<ReturnType<typeof answersOf>>;
  /** CSP violations and compiler chunks fetched while checking with the compiled validators. */
  precompiledRun: { violations: string[]; chunks: string[] };
  /** What `loadMatterChecks` without a validator rejected with. */
  rejected?: { name: string; code?: unknown; message: string };
  /** CSP violations and compiler chunks after that. */
  afterwards: { violations: string[]; chunks: string[] };
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});

// Violation events are queued as tasks: let them arrive before counting them.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function run(): Promise<CspFrameReport> {
  const bundle = await importBundle();
  const matters = await sampleMatters();
  const validators = await Promise.all(matters.map(compiledValidator));
  const answers = await answersOf(bundle, matters, validators, true);
  await settle();
  const precompiledRun = { violations: [...violations], chunks: loadedChunks() };
  const rejected = await bundle.loadMatterChecks((matters[0] as (typeof matters)[0]).schema).then(
    () => undefined,
    (error: Error & { code?: unknown }) => ({ name: error.name, code: error.code, message: error.message }),
  );
  await settle();
  return {
    answers,
    precompiledRun,
    ...(rejected ? { rejected } : {}),
    afterwards: { violations, chunks: loadedChunks() },
  };
}

run().then(
  (report) => parent.postMessage({ report }, location.origin),
  (error: unknown) => parent.postMessage({ failure: String(error) }, location.origin),
);
