// SPEC §5 "Validation": with precompiled validators the form needs no 'unsafe-eval'; without
// them, where the page's CSP forbids compiling, it says so instead of failing silently. The
// strict page is test/csp/checks.html, served with `script-src 'self'` by test/csp-plugin.mjs.
import { expect } from 'chai';
import { answersOf, compiledValidator, importBundle, sampleMatters } from './bundle-checks.test-helpers.js';
import type { CspFrameReport } from './csp/checks-frame.js';
import type { CspFormReport } from './csp/form-frame.js';

/** Opens `url` in an iframe and resolves with the report it posts back. */
function framed<Report>(url: string): Promise<Report> {
  const frame = document.createElement('iframe');
  return new Promise<Report>((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ report?: Report; failure?: string }>) => {
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
    report = await framed<CspFrameReport>('/__csp/checks.html');
  });

  it('checks every sample matter with its compiled validator, compiling nothing and fetching no compiler', () => {
    expect(report.answers.length).to.be.at.least(12);
    for (const answers of report.answers) expect(answers.precompiled, answers.id).to.equal(true);
    expect(report.precompiledRun.violations).to.deep.equal([]);
    // The field messages' chunk only, never the compiler's.
    expect(report.precompiledRun.chunks.map((c) => c.replace(/-[\w-]{8}\.js$/, ''))).to.deep.equal([
      '/dist/chunks/field-errors',
    ]);
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
    expect(report.afterwards.chunks.filter((c) => c.includes('/validate-'))).to.deep.equal([]);
  });
});

describe('<matter-form> under a CSP without unsafe-eval or unsafe-inline', () => {
  let report: CspFormReport;
  before(async () => {
    report = await framed<CspFormReport>('/__csp/form.html');
  });

  it('takes applicant A from prefill through a branch and the materials to a submission the gateway accepts', () => {
    const names = report.events.map((e) => e.name);
    expect(names[0]).to.equal('matter-ready');
    expect(names).to.include('matter-submitted').and.not.to.include('matter-error');
    expect(report.steps).to.deep.equal(['申请人', '居住情况', '申领条件', '申请材料', '核对并提交']);
    // Filled at the start, then as each chosen branch came to apply.
    const filled = report.events
      .filter((e) => e.name === 'matter-prefill')
      .flatMap((e) => (e.detail as { filled: { pointer: string }[] }).filled.map((f) => f.pointer));
    expect(filled).to.include.members(['/applicant/name', '/property/certificateNumber', '/employer']);
    expect(report.value).to.deep.include({ housing: 'owned', basis: 'employment' });
    expect(report.value).to.have.nested.property('residence.since', '2025-01-10');
    const statuses = Object.fromEntries(
      (report.materials as { id: string; status: string }[]).map((m) => [m.id, m.status]),
    );
    expect(statuses).to.include({
      'resident-id-card': 'licence',
      'property-certificate': 'licence',
      'employment-proof': 'data',
      'rental-contract': 'not-applicable',
    });
    const submitted = report.events.find((e) => e.name === 'matter-submitted')?.detail as { reference: string };
    expect(report.confirmation).to.contain('申请已提交').and.contain(submitted.reference);
  });

  it('does it with no CSP violation and without loading the compiler', () => {
    expect(report.applying.violations).to.deep.equal([]);
    expect(report.applying.chunks.filter((c) => c.includes('/validate-'))).to.deep.equal([]);
  });

  it('validates with the module validator-src names, its shared module followed, with no CSP violation', () => {
    // Ready once, with the imported validator: it did not try to compile while the module came.
    expect(report.sourced.events).to.deep.equal(['matter-ready']);
    expect(report.sourced.validators).to.deep.equal(['residence-permit@1.0.0']);
    expect(report.sourced).to.include({ valid: false, message: '请填写“姓名”' });
    expect(report.sourced.violations).to.deep.equal([]);
  });

  it('says csp-blocked, with the fix, when a form has no validator', () => {
    expect(report.uncompiled).to.include({ code: 'csp-blocked' });
    expect((report.uncompiled as { message: string }).message).to.contain('matterform compile');
    expect(report.afterwards.violations).to.have.length(1);
    expect(report.afterwards.chunks.filter((c) => c.includes('/validate-'))).to.deep.equal([]);
  });
});
