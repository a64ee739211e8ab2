// The React wrapper itself, in Chromium: its props reach <matter-form> as properties, and the
// element's events reach the `onMatter…` handlers with their details.
import { expect } from '@open-wc/testing';
import { createElement, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import {
  MatterForm as MatterFormElement,
  type MatterPrefillDetail,
  type MatterReadyDetail,
} from '@matterform/elements';
import {
  APPLICANT_A,
  control,
  mockGateways,
  sampleCatalogue,
  sampleMatter,
  type,
} from '../../elements/src/form/form.test-helpers.js';
import {
  MatterForm,
  MatterMaterials,
  MatterStatus,
  type MatterStatusDetail,
  type MatterStatusElement,
} from './index.js';

describe('@matterform/react', () => {
  let host: HTMLElement;
  let root: Root;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    root.unmount();
    host.remove();
  });

  function render(props: ComponentProps<typeof MatterForm>): MatterFormElement {
    flushSync(() => root.render(createElement(MatterForm, props)));
    const el = host.querySelector('matter-form');
    if (!(el instanceof MatterFormElement)) throw new Error('no <matter-form>');
    return el;
  }

  it('defines the elements on import', () => {
    expect(customElements.get('matter-form')).to.equal(MatterFormElement);
    expect(customElements.get('matter-materials')).to.exist;
    expect(MatterForm.displayName).to.equal('MatterForm');
    expect(MatterMaterials.displayName).to.equal('MatterMaterials');
    expect(customElements.get('matter-status')).to.exist;
  });

  it('gives <MatterStatus> its props as properties and its matter-status events to onMatterStatus', () => {
    const heard: MatterStatusDetail[] = [];
    flushSync(() =>
      root.render(
        createElement(MatterStatus, {
          action: '/no-gateway/submissions',
          reference: 'X3KRG6JNU4',
          archive: false,
          onMatterStatus: (event) => heard.push(event.detail),
        }),
      ),
    );
    const el = host.querySelector('matter-status') as MatterStatusElement;
    expect([el.action, el.reference, el.archive]).to.deep.equal(['/no-gateway/submissions', 'X3KRG6JNU4', false]);
    const detail = { reference: 'X3KRG6JNU4', status: 'accepted', updatedAt: '2026-03-02T08:00:00Z' };
    el.dispatchEvent(new CustomEvent('matter-status', { detail, bubbles: true, composed: true }));
    expect(heard).to.deep.equal([detail]);
  });

  it('sets props as properties and calls onMatterReady and onMatterPrefill with their details', async () => {
    const [matter, catalogue, { url }] = await Promise.all([
      sampleMatter('residence-permit'),
      sampleCatalogue(),
      mockGateways(),
    ]);
    const ready: MatterReadyDetail[] = [];
    let onPrefill: (d: MatterPrefillDetail) => void = () => {};
    const prefill = new Promise<MatterPrefillDetail>((resolve) => (onPrefill = resolve));
    const readyOnce = new Promise<void>((resolve) => {
      const el = render({
        matter,
        catalogue,
        subject: { kind: 'person', id: APPLICANT_A, token: `demo:${APPLICANT_A}` },
        gateway: url,
        consent: 'granted',
        lang: 'en',
        onMatterReady: (e) => {
          ready.push(e.detail);
          resolve();
        },
        onMatterPrefill: (e) => onPrefill(e.detail),
      });
      // Objects are properties, never attributes.
      expect(el.matter).to.equal(matter);
      expect(el.catalogue).to.equal(catalogue);
      expect(el.hasAttribute('matter')).to.equal(false);
    });
    await readyOnce;
    expect(ready).to.deep.equal([{ matter: { id: 'residence-permit', version: matter.version } }]);

    // The subject and the gateway reached it: the applicant's name came from the gateway.
    const detail = await prefill;
    expect(detail.filled.map((f) => f.pointer)).to.include('/applicant/name');
    const el = host.querySelector('matter-form') as MatterFormElement;
    await el.updateComplete;
    expect(el.lang).to.equal('en');
    expect(control(el, '/applicant/name').value).to.not.equal('');
  });

  it('calls onMatterInput with the edit, and swaps a handler without adding a second listener', async () => {
    const [matter, catalogue] = await Promise.all([sampleMatter('residence-permit'), sampleCatalogue()]);
    const first: string[] = [];
    const second: string[] = [];
    let el = render({ matter, catalogue, consent: 'granted', onMatterInput: (e) => first.push(e.detail.pointer) });
    await new Promise((resolve) => el.addEventListener('matter-ready', resolve, { once: true }));
    el = render({ matter, catalogue, consent: 'granted', onMatterInput: (e) => second.push(e.detail.pointer) });
    await el.updateComplete;
    const inputs: unknown[] = [];
    el.addEventListener('matter-input', (e) => inputs.push(e.detail));
    await type(el, '/applicant/mobile', '13800138000');
    expect(inputs).to.deep.equal([{ pointer: '/applicant/mobile', value: '13800138000' }]);
    expect(first).to.deep.equal([]);
    expect(second).to.deep.equal(['/applicant/mobile']);
    await expect(el).to.be.accessible();
  });
});
