// A pattern that may take exponential time, typed into a matter being designed, is one of its
// problems like any other `validate` error (issue 17), and the preview does not freeze on it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Matter } from '@matterform/core';
import type { MatterDesigner } from './matter-designer.js';
import { panel, sampleCatalogue, sampleMatter, settled } from './designer.test-helpers.js';

const POINTER = '/schema/properties/newName/pattern';

describe('<matter-designer>: a pattern that could hang', () => {
  it('lists it as an error at its pointer, with validate’s words, in the problems tab', async function () {
    this.timeout(60000);
    const { catalogue } = await sampleCatalogue();
    const matter = (await sampleMatter('company-name-change')) as Matter & {
      schema: { properties: Record<string, Record<string, unknown>> };
    };
    matter.schema.properties.newName!.pattern = '^(a+)+$';
    const el = await fixture<MatterDesigner>(
      html`<matter-designer lang="en" .catalogue=${catalogue} .matter=${matter}></matter-designer>`,
    );
    await settled(el);
    await waitUntil(() => el.problems.some((p) => p.code === 'unsafe-pattern'), 'the problem is listed', {
      timeout: 20000,
    });
    const found = el.problems.filter((p) => p.code === 'unsafe-pattern');
    expect(found.map((p) => [p.severity, p.pointer])).to.deep.equal([['error', POINTER]]);
    expect(found[0]!.message.en).to.equal(
      'pattern may take exponential time on some input: ^(a+)+$ (rewrite it without nested or overlapping repetition)',
    );

    const tab = el.shadowRoot?.querySelector<HTMLButtonElement>('#view-tab-problems');
    tab?.click();
    await settled(el);
    const problems = panel(el, 'problems');
    await waitUntil(() => problems.shadowRoot?.textContent?.includes('pattern may take exponential time'), 'shown');
    await expect(el).to.be.accessible();
  });
});
