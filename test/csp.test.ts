// SPEC §5 "Validation": with precompiled validators the form needs no 'unsafe-eval'; without
// them, where the page's CSP forbids compiling, it says so instead of failing silently. The
// strict page is test/csp/checks.html, served with `script-src 'self'` by test/csp-plugin.mjs.
import { expect } from 'chai';
import { answersOf, compiledValidator, importBundle, sampleMatters } from './bundle-checks.test-helpers.js';
import type { CspFrameReport } from './csp/checks-frame.js';

/** Opens `url` in an iframe and resolves with what it posts back. */
function framed(url: string): Promise<CspFrameReport> {
  const frame = document.createElement('iframe');
  return new Promise<CspFrameReport>((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ report?: CspFrameReport; failure?: string }>) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      frame.remove();
      if (event.data.report) resolve(event.data.report);
      else reject(new Error(`the strict-CSP page failed: ${event.data.failure}`));
    };
    window.addEventListener('message', onMessage);
    frame.src = url;
    document.body.append(frame);
  });
}

describe('dist/matterform.js under a CSP without unsafe-eval', () => {
  let report: CspFrameReport;
  before(async () => {
    report = await framed('/__csp/checks.html');
  });

  it('checks every sample matter with its compiled validator, compiling nothing and fetching no compiler', () => {
    expect(report.answers.length).to.be.at.least(12);
    for (const answers of report.answers) expect(answers.precompiled, answers.id).to.equal(true);
    expect(report.precompiledRun).to.deep.equal({ violations: [], chunks: [] });
  });

  it('gives the same answers as checks compiled at run time', async () => {
    const bundle = await importBundle();
    const matters = await sampleMatters();
    const expected = await answersOf(bundle, matters, await Promise.all(matters.map(compiledValidator)), false);
    expect(expected.every((a) => !a.precompiled)).to.equal(true);
    expect(report.answers.map((a) => a.id)).to.deep.equal(expected.map((a) => a.id));
    for (const [i, answers] of report.answers.entries()) {
      const runtime = expected[i] as (typeof expected)[0];
      expect(answers.conditions, answers.id).to.deep.equal(runtime.conditions);
      expect(answers.validate, answers.id).to.deep.equal(runtime.validate);
      // Both verdicts occur, or the agreement would prove little.
      const verdicts = new Set(Object.values(answers.conditions).flat());
      expect([...verdicts].sort(), answers.id).to.deep.equal([false, true]);
    }
  });

  it('rejects with CspBlockedError when asked to compile, before fetching the compiler', () => {
    expect(report.rejected).to.include({ name: 'CspBlockedError', code: 'csp-blocked' });
    expect(report.rejected?.message).to.contain('matterform compile');
    // The policy was in force: the check for it was refused, and nothing else was.
    expect(report.afterwards.violations).to.have.length(1);
    expect(report.afterwards.violations[0]).to.match(/^script-src/);
    expect(report.afterwards.chunks).to.deep.equal([]);
  });
});
