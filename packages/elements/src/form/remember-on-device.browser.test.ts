// <matter-form> on a device that may be shared (SPEC §5 `archive` unset: the page's default
// archive, in the browser's real IndexedDB): answers and documents are kept for later matters
// only when the person ticks "remember on this device" on the review step. An explicit archive
// is the host's word that the device is the person's own.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MatterForm } from './matter-form.js';
import { complete, settle, shadow, walk } from '../matter-walk.test-helpers.js';
import {
  EMPLOYER,
  F,
  forgetAll,
  giveEmployer,
  keepSensitive,
  nextMatter,
  onReview,
  ownArchive,
  remember,
  sharedArchive,
} from './shared-device.test-helpers.js';

afterEach(forgetAll);

describe('<matter-form> on a shared device: remembering is the person’s choice', function () {
  this.timeout(120000);

  it('keeps no answer or document for later when the box is left unticked, and the next form gets none', async () => {
    const { archive } = sharedArchive();
    let box: { checked: boolean; label: string; hint: string; sensitive: boolean } | undefined;
    const first = await complete('road-transport-qualification-renewal', 'first', false, {
      subject: F,
      onStep: async (el) => {
        await giveEmployer(el);
        if (!onReview(el)) return;
        const input = remember(el);
        box = {
          checked: input?.checked ?? true,
          label: input?.closest('label')?.textContent?.trim() ?? '',
          hint: shadow(el).getElementById(input?.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
          sensitive: keepSensitive(el) !== null,
        };
        await expect(el).to.be.accessible();
      },
    });
    expect(first.receipt.submission.data.employer).to.equal(EMPLOYER);
    expect(await archive.answers(F), 'no answer kept').to.deep.equal({});
    expect(await archive.documents(F), 'no document kept').to.deep.equal([]);
    expect(await archive.draft(F, 'road-transport-qualification-renewal'), 'the draft went').to.equal(undefined);
    // What <matter-status> follows is kept: the reference, never the answers.
    expect((await archive.sent(F)).map((s) => s.reference)).to.deep.equal([first.receipt.reference]);

    // The next person at this browser who knows 己's ID number opens a form for her: nothing of hers.
    const next = await nextMatter();
    expect(next.employer, 'the employer is not filled in').to.equal(undefined);
    expect(next.photo, 'her photo is not on the device').to.not.equal('archive');

    // What she was asked on the review step: the box, unticked, with why to leave it so.
    expect(box?.label).to.equal('在本设备上记住我的回答和材料，供以后办事使用');
    expect(box?.checked, 'unticked by default').to.equal(false);
    expect(box?.hint).to.contain('公用或他人的电脑');
    // The sensitive opt-in waits under the box, shown once it is ticked.
    expect(box?.sensitive, 'no sensitive opt-in before "remember" is ticked').to.equal(false);
    expect(next.photo, 'her photo is not on the device').to.not.equal('archive');
  });

  it('keeps them when the person ticks the box, and the next form offers them', async () => {
    const { archive } = sharedArchive();
    await complete('road-transport-qualification-renewal', 'first', false, {
      subject: F,
      onStep: async (el) => {
        await giveEmployer(el);
        if (!onReview(el)) return;
        remember(el)?.click();
        await settle(el);
        expect(remember(el)?.checked).to.equal(true);
        // Her ID number is sensitive: a second, separate opt-in, left unticked.
        expect(keepSensitive(el)?.checked).to.equal(false);
        await expect(el).to.be.accessible();
      },
    });
    const kept = await archive.answers(F);
    expect(kept['person.employer']?.value).to.equal(EMPLOYER);
    expect(kept['person.idNumber'], 'sensitive: not without its own box').to.equal(undefined);
    expect((await archive.documents(F)).map((d) => d.material)).to.deep.equal(['photo-1inch']);

    const next = await nextMatter();
    expect(next.employer).to.equal(EMPLOYER);
    expect(next.provider).to.equal('archive');
    expect(next.photo).to.equal('archive');
  });

  it('keeps them with no box when the host passes an archive (a personal device)', async () => {
    sharedArchive();
    const own = ownArchive();
    let boxes: { remember: boolean; sensitive: boolean } | undefined;
    await complete('road-transport-qualification-renewal', 'first', false, {
      subject: F,
      archive: own,
      onStep: async (el) => {
        await giveEmployer(el);
        if (!onReview(el)) return;
        boxes = { remember: remember(el) !== null, sensitive: keepSensitive(el) !== null };
        await expect(el).to.be.accessible();
      },
    });
    expect(boxes, 'only the sensitive opt-in').to.deep.equal({ remember: false, sensitive: true });
    expect((await own.answers(F))['person.employer']?.value).to.equal(EMPLOYER);
    expect((await own.documents(F)).map((d) => d.material)).to.deep.equal(['photo-1inch']);
  });

  it('shows neither box with archive = false', async () => {
    MatterForm.defaultArchive = false;
    const { el } = await walk('road-transport-qualification-renewal', 'first', false, { subject: F });
    expect(onReview(el)).to.equal(true);
    expect(remember(el) !== null, 'no "remember" box').to.equal(false);
    expect(keepSensitive(el) !== null, 'no sensitive box').to.equal(false);
  });

  it('works from the keyboard, and unticking "remember" takes back the sensitive opt-in under it', async () => {
    const { archive } = sharedArchive();
    const { el } = await walk('road-transport-qualification-renewal', 'first', false, { subject: F });
    // Tab from the step's last "Change" link reaches the box; Space ticks it, and the sensitive box follows it.
    const links = [...shadow(el).querySelectorAll<HTMLElement>('dl.review button, dl.review a')];
    links.at(-1)?.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id, 'the next stop is the box').to.equal('matter-remember');
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(remember(el)?.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.id, 'then the sensitive box').to.equal('matter-keep-sensitive');
    await sendKeys({ press: 'Space' });
    expect(keepSensitive(el)?.checked).to.equal(true);
    remember(el)?.click();
    await settle(el);
    expect(keepSensitive(el) !== null, 'the sensitive box went with it').to.equal(false);
    remember(el)?.click();
    await settle(el);
    expect(keepSensitive(el)?.checked, 'ticking again starts from nothing sensitive').to.equal(false);
    remember(el)?.click();
    await settle(el);
    await el.submit();
    expect(await archive.answers(F)).to.deep.equal({});
  });
});
