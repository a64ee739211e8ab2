// A reload mid-form: what the person typed is saved on the device as they type, and the
// reloaded page offers it back. The page is a real page in an iframe, reloaded by the browser.
import { expect } from '@open-wc/testing';
import { createArchive } from '@matterform/archive';

const F = { kind: 'person' as const, id: '430121198209120286' };
const MATTER = 'individual-business-registration';

/** Resolves when the framed form has prefilled (after a load or a reload). */
function prefilled(frame: HTMLIFrameElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ prefilled?: boolean; failure?: string }>) => {
      if (event.source !== frame.contentWindow) return;
      window.removeEventListener('message', onMessage);
      if (event.data.prefilled) resolve();
      else reject(new Error(`the framed page failed: ${event.data.failure}`));
    };
    window.addEventListener('message', onMessage);
  });
}

const formIn = (frame: HTMLIFrameElement) =>
  (frame.contentDocument?.querySelector('matter-form')?.shadowRoot ?? null) as ShadowRoot | null;

async function until<T>(what: string, probe: () => T | undefined | null | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const found = await probe();
    if (found !== undefined && found !== null) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a reload mid-form', function () {
  this.timeout(30000);
  // The bundle's forms keep their drafts in the page's default archive.
  const archive = createArchive({ persist: false });

  after(() => archive.clear());

  it('restores the draft after the person chooses to continue', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '600px';
    const loaded = prefilled(frame);
    frame.src = '/test/archive/reload.html';
    document.body.append(frame);
    await loaded;

    const email = await until('the e-mail field', () =>
      formIn(frame)?.querySelector<HTMLInputElement>('#mf_2f_operator_2f_email'),
    );
    email.focus();
    email.value = 'zhou.haiyan@example.com';
    email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    // Saved a moment after typing, with nothing pressed.
    const draft = await until('the draft', async () => (await archive.draft(F, MATTER)) ?? undefined);
    expect(draft.data).to.deep.equal({ operator: { email: 'zhou.haiyan@example.com' } });

    const reloaded = prefilled(frame);
    frame.contentWindow?.location.reload();
    await reloaded;
    const offer = await until('the offer', () => formIn(frame)?.querySelector('[part~="draft-offer"]'));
    expect(offer.textContent).to.contain('已保存在本设备上');
    expect(formIn(frame)?.querySelector<HTMLInputElement>('#mf_2f_operator_2f_email')?.value).to.equal('');
    const resume = [...offer.querySelectorAll('button')].find((b) => b.textContent?.trim() === '继续填写');
    resume?.click();
    await until('the restored answer', () =>
      formIn(frame)?.querySelector<HTMLInputElement>('#mf_2f_operator_2f_email')?.value === 'zhou.haiyan@example.com'
        ? true
        : undefined,
    );
    frame.remove();
  });
});
