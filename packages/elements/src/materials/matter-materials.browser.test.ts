// <matter-materials> in Chromium against the mock gateway (SPEC §6) over the sample catalogue:
// what a person sees of each material, and what happens to the files they choose.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { httpConnector, type Catalogue, type SubjectRef } from '@matterform/core';
import '../define-materials.js';
import { formatDate } from '../i18n/say.js';
import {
  choose,
  detailsOf,
  errorsOf,
  fileNames,
  item as itemIn,
  matterOf,
  pdf,
  sampleCatalogue,
  shown as shownIn,
  squash,
  statusOf,
} from './materials.test-helpers.js';
import type { MatterMaterials } from './matter-materials.js';

const A = '430102199003150311'; // holds an ID card, a property certificate; social insurance on record
const C = '430624199411080151'; // social insurance answers 503; no education record; no archive
/** The fixtures' licences and archived copies run out over the years: judge them on one day. */
const TODAY = '2026-11-26';

interface Audited {
  route: string;
  subject: string | null;
  source?: string;
  purpose?: string;
  concepts?: string[];
}

let catalogue: Catalogue;
let gateway: string;

before(async () => {
  catalogue = await sampleCatalogue();
  ({ url: gateway } = (await (await fetch('/__gateway')).json()) as { url: string });
});

const matter = (id: string) => matterOf(catalogue, id);
const person = (id: string): SubjectRef => ({ kind: 'person', id, token: `demo:${id}` });
const audit = async (): Promise<Audited[]> => (await fetch(`${gateway}/__mock/audit`)).json();

async function materials(
  matterId: string,
  subject: string | undefined,
  value: unknown = {},
  lang = 'zh-CN',
): Promise<MatterMaterials> {
  const el = await fixture<MatterMaterials>(html`
    <matter-materials
      lang=${lang}
      .matter=${matter(matterId)}
      .catalogue=${catalogue}
      .subject=${subject === undefined ? undefined : person(subject)}
      .connectors=${[httpConnector({ gateway })]}
      .value=${value}
      .today=${TODAY}
    ></matter-materials>
  `);
  await settled(el);
  return el;
}

/** Until the providers have answered and the answer is drawn. */
async function settled(el: MatterMaterials): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot?.querySelector('[part~="checking"]'), 'providers never answered', {
    timeout: 10000,
  });
  await el.updateComplete;
}

const item = (el: MatterMaterials, title: string) => itemIn(el.shadowRoot as ShadowRoot, title);
const shown = (el: MatterMaterials, title: string) => shownIn(el.shadowRoot as ShadowRoot, title);

async function idle(el: MatterMaterials, li: HTMLElement): Promise<void> {
  await waitUntil(() => !li.querySelector('.processing'), 'files still being checked', { timeout: 15000 });
  await el.updateComplete;
}

describe('<matter-materials>', () => {
  it('shows a material satisfied by a licence with the licence’s name and masked number', async () => {
    const el = await materials('residence-permit', A);
    await expect(el).to.be.accessible();
    const idCard = shown(el, '居民身份证');
    expect(statusOf(idCard)).to.equal('✓ 已由电子证照提供');
    expect(detailsOf(idCard)).to.deep.equal(['居民身份证（证号 4301**********0311），有效期至2036年4月10日']);
    expect(idCard.querySelector('input[type="file"]'), 'no upload for a satisfied material').to.equal(null);
    expect(squash(el.shadowRoot?.textContent)).not.to.contain('430102199003150311');
  });

  it('names the source that satisfied a material, and why it is needed', async () => {
    const el = await materials('residence-permit', A, { basis: 'employment' });
    await expect(el).to.be.accessible();
    const employment = shown(el, '劳动合同或社保参保证明');
    expect(statusOf(employment)).to.equal('✓ 已通过部门数据核验');
    expect(detailsOf(employment)).to.deep.equal([
      '已通过“人社部社保参保信息（人力资源和社会保障部）”核验',
      '因“申领条件”为“合法稳定就业”，需提供此材料。',
    ]);
  });

  it('shows a `when` material while its condition holds, and asks only what the materials need', async () => {
    // Only this element asks for licences with no concepts at all.
    const asked = async () =>
      (await audit()).filter(
        (e) =>
          e.subject === A && e.purpose === 'residence-permit' && e.route === '/licences' && e.concepts?.length === 0,
      ).length;
    const before = await asked();
    const el = await materials('residence-permit', A);
    expect(await asked()).to.equal(before + 1);
    expect(item(el, '房屋租赁合同'), 'no housing chosen yet').to.equal(undefined);
    expect(item(el, '不动产权证书')).to.equal(undefined);

    el.value = { housing: 'rented' };
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const rental = shown(el, '房屋租赁合同');
    expect(statusOf(rental)).to.equal('未提供');
    expect(detailsOf(rental)).to.deep.equal(['因“住房情况”为“租赁住房”，需提供此材料。']);
    expect(item(el, '不动产权证书')).to.equal(undefined);

    el.value = { housing: 'owned' };
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(item(el, '房屋租赁合同')).to.equal(undefined);
    const property = shown(el, '不动产权证书');
    expect(statusOf(property)).to.equal('✓ 已由电子证照提供');
    expect(detailsOf(property)[0]).to.equal(`不动产权证书（证号 湘（20${'*'.repeat(15)}456号），长期有效`);

    // The value changed twice; the providers were asked once. (Other test files fill forms for
    // the same applicant on the same gateway, asking for concepts: only calls asking for none are this element's.)
    expect(await asked()).to.equal(before + 1);
    const mine = (await audit()).filter(
      (e) => e.subject === A && e.purpose === 'residence-permit' && e.concepts?.length === 0,
    );
    const sources = mine.filter((e) => e.route === '/sources/{id}');
    expect(sources.map((e) => e.source)).to.include.members(['mps-population', 'cs-rental', 'mohrss-social-insurance']);
  });

  it('never calls a source that needs consent: it has no consent panel', async () => {
    const el = await materials('residence-permit', A, { housing: 'owned' });
    shown(el, '不动产权证书');
    const calls = (await audit()).filter(
      (e) => e.subject === A && e.route === '/sources/{id}' && e.concepts?.length === 0,
    );
    expect(calls.map((e) => e.source)).to.include('mps-population');
    expect(calls.map((e) => e.source)).not.to.include('hn-property');
  });

  it('says which source did not answer, refuses a file of the wrong type and keeps a right one', async () => {
    const el = await materials('residence-permit', C, { basis: 'employment' });
    const employment = shown(el, '劳动合同或社保参保证明');
    expect(statusOf(employment)).to.equal('未提供');
    expect(detailsOf(employment)[0]).to.equal(
      '劳动合同或社保参保证明无法通过电子方式核验：人力资源和社会保障部未响应，请上传。',
    );
    const input = employment.querySelector('input[type="file"]') as HTMLInputElement;
    expect(squash(employment.querySelector(`label[for="${input.id}"]`)?.textContent)).to.equal(
      '上传劳动合同或社保参保证明',
    );
    expect(input.accept).to.equal('application/pdf,image/jpeg,image/png');
    expect(input.multiple).to.equal(true);
    expect(input.hasAttribute('capture')).to.equal(false);
    await expect(el).to.be.accessible();

    choose(employment, [new File(['plain words'], 'notes.txt', { type: 'text/plain' }), pdf('contract.pdf')]);
    await waitUntil(() => fileNames(employment).length > 0 && errorsOf(employment).length > 0);
    await idle(el, employment);
    expect(errorsOf(employment)).to.deep.equal([
      '错误：“notes.txt”的文件类型不符合要求：请上传 PDF、JPG或PNG 格式的文件',
    ]);
    expect(fileNames(employment)).to.deep.equal(['contract.pdf']);
    expect(statusOf(employment)).to.equal('✓ 已上传');
    const error = employment.querySelector('[part~="error-message"]')?.parentElement as HTMLElement;
    expect(input.getAttribute('aria-describedby')?.split(' ')).to.include(error.id);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('refuses a file over the size limit, naming the file and the limit', async () => {
    const el = await materials('residence-permit', C, { basis: 'employment' });
    const employment = shown(el, '劳动合同或社保参保证明');
    choose(employment, [pdf('scan.pdf', 11 * 1024 * 1024)]);
    await waitUntil(() => errorsOf(employment).length > 0);
    expect(errorsOf(employment)).to.deep.equal(['错误：“scan.pdf”大小为 11 MB，超过了 10 MB 的上限']);
    expect(fileNames(employment)).to.deep.equal([]);
    expect(statusOf(employment)).to.equal('! 未提供');
    await expect(el).to.be.accessible();
  });

  it('refuses files beyond the most a material takes, keeping what it already has', async () => {
    const el = await materials('residence-permit', C, { basis: 'study' });
    const enrolment = shown(el, '在读证明');
    const input = enrolment.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.multiple).to.equal(false);
    expect(squash(enrolment.querySelector('[part~="hint"]')?.textContent)).to.equal(
      '可上传 JPG、PNG或PDF 文件，每个不超过 10 MB，最多 1 个',
    );
    choose(enrolment, [pdf('first.pdf')]);
    await waitUntil(() => fileNames(enrolment).length === 1);
    choose(enrolment, [pdf('second.pdf', 2000)]);
    await waitUntil(() => errorsOf(enrolment).length > 0);
    expect(errorsOf(enrolment)).to.deep.equal([
      '错误：“second.pdf”未添加：此项材料最多上传 1 个文件，请先移除不需要的文件',
    ]);
    expect(fileNames(enrolment)).to.deep.equal(['first.pdf']);
    await expect(el).to.be.accessible();
  });

  it('shrinks an oversized photo until it fits', async () => {
    const el = await materials('teacher-qualification', C);
    const photo = shown(el, '一寸免冠照片');
    const input = photo.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.getAttribute('capture')).to.equal('environment');
    expect(input.accept).to.equal('image/jpeg,image/png');

    // Noise does not compress: a PNG of it is several times the 2 MB limit.
    const canvas = document.createElement('canvas');
    canvas.width = 1400;
    canvas.height = 1400;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    const image = context.createImageData(1400, 1400);
    for (let i = 0; i < image.data.length; i++) image.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    context.putImageData(image, 0, 0);
    const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/png'));
    expect(png.size).to.be.above(2 * 1024 * 1024);

    choose(photo, [new File([png], 'me.png', { type: 'image/png' })]);
    await waitUntil(() => fileNames(photo).length > 0 || errorsOf(photo).length > 0, 'never shrunk', {
      timeout: 15000,
    });
    expect(errorsOf(photo)).to.deep.equal([]);
    expect(fileNames(photo)).to.deep.equal(['me.jpg']);
    const size = squash(photo.querySelector('.file-size')?.textContent);
    expect(size).to.match(/^[\d.]+ (MB|KB)（已由 [\d.]+ MB 压缩）$/);
    expect(statusOf(photo)).to.equal('✓ 已上传');

    const entry = el.materials.find((m) => m.id === 'photo-1inch');
    const file = entry?.files?.[0];
    expect(entry?.status).to.equal('uploaded');
    expect(file?.type).to.equal('image/jpeg');
    expect(file?.size).to.be.at.most(2 * 1024 * 1024);
    const [sent] = el.files();
    const digest = await crypto.subtle.digest('SHA-256', await (sent?.file as File).arrayBuffer());
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(file?.sha256).to.equal(hex);
    expect(sent?.sha256).to.equal(hex);
    await expect(el).to.be.accessible();
  });

  it('removes a file by keyboard and keeps focus in the list', async () => {
    const el = await materials('residence-permit', C, { basis: 'employment' });
    const employment = shown(el, '劳动合同或社保参保证明');
    choose(employment, [pdf('one.pdf', 100), pdf('two.pdf', 200)]);
    await waitUntil(() => fileNames(employment).length === 2);
    await expect(el).to.be.accessible();

    const input = employment.querySelector('input[type="file"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ press: 'Tab' });
    const first = el.shadowRoot?.activeElement as HTMLButtonElement;
    expect(squash(first.textContent)).to.equal('移除 one.pdf');
    const box = first.getBoundingClientRect();
    expect(Math.min(box.width, box.height)).to.be.at.least(24);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => fileNames(employment).length === 1);
    expect(fileNames(employment)).to.deep.equal(['two.pdf']);
    await waitUntil(
      () => squash(el.shadowRoot?.activeElement?.textContent) === '移除 two.pdf',
      'focus on the next file',
    );

    await sendKeys({ press: 'Space' });
    await waitUntil(() => fileNames(employment).length === 0);
    await waitUntil(() => el.shadowRoot?.activeElement === input, 'focus back on the file input');
    expect(statusOf(employment)).to.equal('未提供');
    expect(el.materials.find((m) => m.id === 'employment-proof')?.files).to.equal(undefined);
  });

  it('asks again for a new subject, and forgets the previous one’s files', async () => {
    const el = await materials('residence-permit', C, { basis: 'employment' });
    const employment = shown(el, '劳动合同或社保参保证明');
    choose(employment, [pdf('mine.pdf')]);
    await waitUntil(() => fileNames(employment).length === 1);
    expect(el.files().map((u) => u.file.name)).to.deep.equal(['mine.pdf']);

    el.subject = person(A);
    await settled(el);
    expect(statusOf(shown(el, '劳动合同或社保参保证明'))).to.equal('✓ 已通过部门数据核验');
    expect(el.files()).to.deep.equal([]);
    expect(el.materials.find((m) => m.id === 'employment-proof')).to.deep.equal({
      id: 'employment-proof',
      status: 'data',
      by: { source: 'mohrss-social-insurance' },
      why: { when: [{ pointer: '/basis', value: 'employment' }] },
    });
  });

  it('fires matter-materials with the entries it exposes as `materials`', async () => {
    const el = document.createElement('matter-materials');
    const details: MaterialEntryList[] = [];
    el.addEventListener('matter-materials', (event) => details.push(event.detail.materials));
    el.matter = matter('residence-permit');
    el.catalogue = catalogue;
    el.subject = person(A);
    el.connectors = [httpConnector({ gateway })];
    el.value = {};
    el.today = TODAY;
    document.body.append(el);
    try {
      await settled(el);
      await waitUntil(() => details.length > 0);
      expect(details).to.have.length(1);
      expect(details[0]).to.equal(el.materials);
      expect(el.materials.find((m) => m.id === 'resident-id-card')).to.deep.equal({
        id: 'resident-id-card',
        status: 'licence',
        by: { licence: { type: 'resident-id-card', number: A, validUntil: '2036-04-10' } },
      });

      el.value = { housing: 'rented' };
      await el.updateComplete;
      expect(details).to.have.length(2);
      expect(details[1]).to.equal(el.materials);
      expect(el.materials.find((m) => m.id === 'rental-contract')).to.deep.include({
        status: 'missing',
        why: { when: [{ pointer: '/housing', value: 'rented' }] },
      });

      el.value = { housing: 'rented' };
      await el.updateComplete;
      expect(details, 'same entries, no event').to.have.length(2);
    } finally {
      el.remove();
    }
  });

  it('behaves the same with its properties set before or after it connects', async () => {
    const before = document.createElement('matter-materials');
    Object.assign(before, {
      matter: matter('residence-permit'),
      catalogue,
      subject: person(A),
      connectors: [httpConnector({ gateway })],
      value: { housing: 'owned' },
    });
    const after = document.createElement('matter-materials');
    document.body.append(before, after);
    Object.assign(after, {
      matter: matter('residence-permit'),
      catalogue,
      subject: person(A),
      connectors: [httpConnector({ gateway })],
      value: { housing: 'owned' },
    });
    try {
      await settled(before);
      await settled(after);
      expect(after.materials).to.deep.equal(before.materials);
      expect(after.shadowRoot?.innerHTML.replace(/<!--[^]*?-->/g, '')).to.equal(
        before.shadowRoot?.innerHTML.replace(/<!--[^]*?-->/g, ''),
      );
    } finally {
      before.remove();
      after.remove();
    }
  });

  it('judges archived copies and licences on its `today`', async () => {
    const el = await materials('residence-permit', A, { useIdCardPhoto: false }, 'en');
    const photo = () => shown(el, '1-inch bareheaded photo (optional)');
    expect(statusOf(photo())).to.equal('✓ Using the copy in your archive');
    el.today = '2027-03-02'; // the day after the archived photo's validUntil
    await el.updateComplete;
    expect(statusOf(photo())).to.equal('! Expired: provide it again');
    expect(statusOf(shown(el, 'Resident ID card'))).to.equal('✓ Provided by your electronic licence');
    el.today = '2036-04-11'; // the day after the ID card licence's: the population register vouches instead
    await el.updateComplete;
    expect(statusOf(shown(el, 'Resident ID card'))).to.equal('✓ Confirmed with government records');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await materials('residence-permit', A, { useIdCardPhoto: false, housing: 'rented' }, 'en');
    await expect(el).to.be.accessible();
    const idCard = shown(el, 'Resident ID card');
    expect(statusOf(idCard)).to.equal('✓ Provided by your electronic licence');
    expect(detailsOf(idCard)).to.deep.equal([
      `Resident ID card, number 4301**********0311, valid until ${formatDate('2036-04-10', 'en')}`,
    ]);

    const photo = shown(el, '1-inch bareheaded photo (optional)');
    expect(statusOf(photo)).to.equal('✓ Using the copy in your archive');
    expect(detailsOf(photo)).to.deep.equal([
      // The dates as the shared formatDate writes them (i18n.ts decides between Apr 10 and 10 Apr).
      `Using the copy you uploaded on ${formatDate('2026-09-01', 'en')}, valid until ${formatDate('2027-03-01', 'en')}. Upload a new file to replace it.`,
      'Needed because Use my ID card photo is “no”.',
    ]);

    const rental = shown(el, 'Rental contract');
    expect(statusOf(rental)).to.equal('Not provided');
    expect(squash(rental.querySelector('label')?.textContent)).to.equal('Upload Rental contract');
    choose(rental, [new File(['x'], 'notes.txt', { type: 'text/plain' })]);
    await waitUntil(() => errorsOf(rental).length > 0);
    expect(errorsOf(rental)).to.deep.equal([
      'Error: “notes.txt” is not a type this material accepts: upload PDF, JPG, or PNG',
    ]);
    await expect(el).to.be.accessible();
  });
});

type MaterialEntryList = MatterMaterials['materials'];
