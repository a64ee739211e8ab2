// A chunk of the bundle that did not load (a deploy that left it out): only the part that
// needs it fails, and says which chunk; the form is drawn and prefilled all the same.
import { expect } from '@open-wc/testing';

interface Heard {
  error?: { code: string; message: string };
  filled?: number;
  failed?: unknown[];
  failure?: string;
}

describe('a missing chunk', function () {
  this.timeout(30000);

  it('fails only the archive view, naming its chunk; the form is drawn and prefilled', async () => {
    const frame = document.createElement('iframe');
    const heard: Heard[] = [];
    const prefilled = new Promise<void>((resolve, reject) => {
      window.addEventListener('message', (event: MessageEvent<Heard>) => {
        if (event.source !== frame.contentWindow) return;
        heard.push(event.data);
        if (event.data.filled !== undefined) resolve();
        if (event.data.failure) reject(new Error(event.data.failure));
      });
    });
    frame.src = '/test/missing-chunk/frame.html';
    document.body.append(frame);
    await prefilled;
    const errors = heard.flatMap((h) => (h.error ? [h.error] : []));
    expect(errors.map((e) => e.code)).to.deep.equal(['load-failed']);
    expect(errors[0]?.message).to.match(/^archive-view: .*chunks\/archive-view-[\w-]+\.js/);
    expect(heard.find((h) => h.filled !== undefined)?.filled).to.be.above(0);
    const form = frame.contentDocument?.querySelector('matter-form')?.shadowRoot;
    expect(form?.querySelector<HTMLInputElement>('#mf_2f_applicant_2f_name')?.value).to.equal('李思远');
    expect(form?.querySelector('[role="alert"]'), 'no failure drawn over the form').to.equal(null);
    frame.remove();
  });
});
