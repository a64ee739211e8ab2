import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import type { MatterForm } from './matter-form.js';
import {
  APPLICANT_A,
  buttonNamed,
  control,
  mockGateways,
  nextPrefill,
  sampleCatalogue,
  sampleForm,
  sampleMatter,
  type,
} from './form.test-helpers.js';

const shadow = (el: MatterForm) => el.shadowRoot as ShadowRoot;
const text = (el: MatterForm, selector: string) =>
  [...shadow(el).querySelectorAll(selector)].map((n) => n.textContent?.replace(/\s+/g, ' ').trim() ?? '');

/** The field wrapper around a control. */
const fieldOf = (el: MatterForm, pointer: string) => control(el, pointer).closest('.field') as HTMLElement;

const described = (el: MatterForm, pointer: string) =>
  (control(el, pointer).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => shadow(el).getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim());

interface Audited {
  time: string;
  subject: string | null;
  route: string;
  source?: string;
  purpose?: string;
}

async function audit(): Promise<Audited[]> {
  const { url } = await mockGateways();
  return (await (await fetch(`${url}/__mock/audit`)).json()) as Audited[];
}

/** How many calls the gateway has audited: a mark to tell later calls by, not the page's clock. */
const auditMark = async (): Promise<number> => (await audit()).length;

/** The calls for `subject` audited after `mark`, oldest first. */
async function calls(mark: number, subject: string): Promise<Audited[]> {
  return (await audit()).slice(mark).filter((e) => e.subject === subject);
}

describe('<matter-form>: prefill and provenance', () => {
  it('fills applicant A from the mock gateway, each value with a badge naming its provider and date', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    await nextPrefill(el);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(control(el, '/applicant/name').value).to.equal('李思远');
    expect(control(el, '/applicant/idNumber').value).to.equal(APPLICANT_A);
    const badge = fieldOf(el, '/applicant/name').querySelector('[part="badge"]')?.textContent ?? '';
    expect(badge).to.match(/来自居民身份证 · \d{4}年\d{1,2}月\d{1,2}日/);
    expect(text(el, '[part~="notice"]').join(' ')).to.match(/已为您自动填写 \d+ 项/);
  });

  it('makes locked values read-only, never disabled: focusable, announced, and saying how to correct them', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    await nextPrefill(el);
    await el.updateComplete;
    const name = control(el, '/applicant/name');
    expect(name.readOnly).to.equal(true);
    expect(name.disabled).to.equal(false);
    name.focus();
    expect(shadow(el).activeElement).to.equal(name);
    expect(described(el, '/applicant/name').join(' ')).to.include('不能在此修改').and.include('请到公安部更正');
    // Even an input event sent to it changes nothing.
    await type(el, '/applicant/name', '别人');
    expect(el.value).to.have.nested.property('applicant.name', '李思远');
    expect(name.value).to.equal('李思远');
  });

  it('shows a conflict where another provider gave a different value', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    const detail = await nextPrefill(el);
    await el.updateComplete;
    const conflict = detail.conflicts.find((c: { pointer: string }) => c.pointer === '/applicant/mobile');
    expect(conflict, 'the fixtures give applicant A two mobile numbers').to.exist;
    expect(fieldOf(el, '/applicant/mobile').querySelector('[part="conflicts"]')?.textContent).to.include(
      String(conflict.conflicts[0].value),
    );
  });

  it('summarises a failed source once, leaving its fields for typing', async () => {
    // Applicant C's social-insurance interface answers 503.
    const el = await sampleForm('flexible-employment-insurance', { subject: '430624199411080151', consent: 'granted' });
    const detail = await nextPrefill(el);
    await el.updateComplete;
    expect(detail.failed).to.deep.include({ provider: 'source:mohrss-social-insurance', reason: 'http-503' });
    const notices = text(el, '[part~="notice"]').filter((t) => t.includes('无法获取'));
    expect(notices).to.have.length(1);
    expect(notices[0]).to.include('错误 503');
    expect(shadow(el).querySelectorAll('.field [part="error-message"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('asks consent first, listing each provider and its concepts; refused sources are never called', async () => {
    const subject = '43011119780130057X';
    const mark = await auditMark();
    const el = await sampleForm('residence-permit', { subject, consent: 'ask' });
    await el.updateComplete;
    const panel = shadow(el).querySelector('[part="consent"]') as HTMLElement;
    expect(panel.textContent).to.include('湖南省自然资源厅').and.include('不动产权证书号');
    await expect(el).to.be.accessible();
    const consent = oneEvent(el, 'matter-consent');
    const filled = nextPrefill(el);
    buttonNamed(el, '不同意，我自己填写').click();
    const { detail } = await consent;
    expect(detail.given).to.deep.equal([]);
    expect(detail.refused).to.include('source:hn-property');
    await filled;
    const made = await calls(mark, subject);
    expect(
      made.some((c) => c.source === 'mps-population'),
      'sources without consent are still called',
    ).to.equal(true);
    expect(made.filter((c) => c.source === 'hn-property' || c.source === 'cs-housing-fund')).to.deep.equal([]);
  });

  it('asks every provider again when prefill() is called', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    await nextPrefill(el);
    const again = nextPrefill(el);
    await el.prefill();
    expect((await again).filled.map((f: { pointer: string }) => f.pointer)).to.include('/applicant/name');
    expect(control(el, '/applicant/name').value).to.equal('李思远');
  });

  it('keeps Continue enabled while consent is asked: pressed, it focuses the panel and says what is needed', async () => {
    const el = await sampleForm('residence-permit', { subject: '43011119780130057X', consent: 'ask' });
    await el.updateComplete;
    const next = buttonNamed(el, '保存并继续');
    expect(next.disabled).to.equal(false);
    next.click();
    await el.updateComplete;
    const panel = shadow(el).querySelector('[part="consent"]') as HTMLElement;
    expect(shadow(el).activeElement).to.equal(panel);
    const needed = shadow(el).getElementById(panel.getAttribute('aria-describedby') ?? '');
    expect(needed?.textContent).to.include('请先选择是否同意获取您的信息');
    expect(shadow(el).querySelector('[part="step-heading"]')?.textContent, 'still the first step').to.equal('申请人');
    await expect(el).to.be.accessible();
    // Refused, so the next test's count of calls to the consent sources stays its own.
    const filled = nextPrefill(el);
    buttonNamed(el, '不同意，我自己填写').click();
    await filled;
    await el.updateComplete;
    expect(shadow(el).textContent).to.not.include('请先选择是否同意获取您的信息');
  });

  it('calls a source once consent is given, and records the consent in the submission', async () => {
    const subject = '43011119780130057X';
    const mark = await auditMark();
    const el = await sampleForm('residence-permit', { subject, consent: 'ask', action: false });
    await el.updateComplete;
    const filled = nextPrefill(el);
    buttonNamed(el, '同意并自动填写').click();
    await filled;
    const made = await calls(mark, subject);
    expect(made.filter((c) => c.source === 'hn-property')).to.have.length(1);
  });
});

describe('<matter-form>: branches', () => {
  it('shows a branch field when its condition holds and drops its value when it stops', async () => {
    const el = await sampleForm('residence-permit', { subject: '430103198507220469', consent: 'granted' });
    await nextPrefill(el);
    el.value = { ...el.value, housing: 'rented' };
    await el.updateComplete;
    expect(shadow(el).querySelector('#mf_2f_rental_2f_registrationNumber'), 'on the next step').to.equal(null);
    buttonNamed(el, '保存并继续').click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="step-heading"]')?.textContent).to.equal('居住情况');
    await type(el, '/rental/registrationNumber', 'ZL-2026-0001');
    expect(el.value).to.have.nested.property('rental.registrationNumber', 'ZL-2026-0001');
    await expect(el).to.be.accessible();
    const radios = [...shadow(el).querySelectorAll<HTMLInputElement>('[id^="mf_2f_housing"]')];
    const ownHome = radios.find((r) => r.nextElementSibling?.textContent === '自有住房') as HTMLInputElement;
    expect(ownHome, 'the housing choices are radios').to.exist;
    ownHome.click();
    await el.updateComplete;
    expect(el.value).to.not.have.property('rental');
    expect(shadow(el).querySelector('#mf_2f_rental_2f_registrationNumber')).to.equal(null);
    expect(shadow(el).querySelector('#mf_2f_property_2f_certificateNumber')).to.exist;
  });
});

describe('<matter-form>: another applicant', () => {
  it('discards the previous applicant’s provider values and fills again for the new one', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    await nextPrefill(el);
    expect(control(el, '/applicant/name').value).to.equal('李思远');
    const again = nextPrefill(el);
    el.subject = { kind: 'person', id: '430103198507220469', token: 'demo:430103198507220469' };
    await again;
    await el.updateComplete;
    expect(control(el, '/applicant/name').value).to.not.equal('李思远').and.not.equal('');
    expect(control(el, '/applicant/idNumber').value).to.equal('430103198507220469');
  });
});

describe('<matter-form>: language', () => {
  it('speaks English when the page says en', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted', lang: 'en' });
    await nextPrefill(el);
    await el.updateComplete;
    expect(text(el, 'h2')[0]).to.equal('Residence permit application');
    expect(fieldOf(el, '/applicant/name').querySelector('label')?.textContent?.trim()).to.equal('Name');
    expect(fieldOf(el, '/applicant/nation').querySelector('label')?.textContent).to.include('(optional)');
    expect(fieldOf(el, '/applicant/name').querySelector('[part="badge"]')?.textContent).to.match(
      /From Resident ID card · \d{1,2} \w{3} \d{4}/,
    );
    await expect(el).to.be.accessible();
  });

  it('switches language when the host sets the lang property', async () => {
    const el = await sampleForm('residence-permit', { consent: 'granted' });
    await nextPrefill(el);
    el.lang = 'en';
    await el.updateComplete;
    expect(buttonNamed(el, 'Save and continue')).to.exist;
    expect(el.getAttribute('lang')).to.equal('en');
  });

  it('takes the language of the nearest ancestor', async () => {
    const [matter, catalogue] = await Promise.all([sampleMatter('residence-permit'), sampleCatalogue()]);
    const wrapper = fixtureSync<HTMLElement>(html`<div lang="en"><matter-form></matter-form></div>`);
    const el = wrapper.querySelector('matter-form') as MatterForm;
    el.catalogue = catalogue;
    el.matter = matter;
    await oneEvent(el, 'matter-ready');
    await el.updateComplete;
    expect(buttonNamed(el, 'Save and continue')).to.exist;
  });
});
