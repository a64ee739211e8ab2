// The main end-to-end test: a designer builds a new matter in <matter-designer> with
// the keyboard alone (Tab, Shift+Tab, arrows, Enter, Space, typing) — a group of five fields
// (two from concepts), a list, a show-when condition, a material with a `when`, an output and
// two steps — sees the real form filled for a synthetic applicant, and publishes it through
// `matterform design` on a temporary copy of the sample catalogue; `matterform validate` and
// `report` on that folder then agree with what the designer showed.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { getAt, type ColourReason, type Fixtures, type Matter, type MatterRating } from '@matterform/core';
import type { MatterDesigner } from '../packages/designer/src/matter-designer.js';
import { httpDesignStore } from '../packages/designer/src/stores/http-store.js';
import { blankMatter } from '../packages/designer/src/stores/store.js';
import { sampleCatalogue, settled } from '../packages/designer/src/designer.test-helpers.js';
import {
  arrowTo,
  control,
  deepActive,
  expectFocusKept,
  expectFocusOn,
  press,
  retype,
  tabTo,
  type,
} from './designer-keyboard.test-helpers.js';

const ID = 'keyboard-built';

interface Check {
  validate: { exit: number; stdout: string; stderr: string };
  report: { matters: MatterRating[] } | null;
}

function rules(reasons: ColourReason[]): string[] {
  return reasons.map((reason) => reason.rule).sort();
}

describe('<matter-designer> by keyboard only', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('builds a new matter, shows it filled for an applicant, publishes it; validate and report agree', async function () {
    this.timeout(110000);
    await setViewport({ width: 1280, height: 900 });
    const { catalogue } = await sampleCatalogue();
    const fixtures = (await (await fetch('/schemas/catalogue/fixtures.json')).json()) as Fixtures;
    const server = (await (await fetch('/__design-server/new', { method: 'POST' })).json()) as {
      dir: string;
      store: string;
    };
    const store = httpDesignStore({ base: server.store });
    const title = { 'zh-CN': '键盘建的事项', en: 'Built by keyboard' };
    const blank = await store.create({ id: ID, title });
    expect(blank, 'the server makes the blank matter blankMatter() makes').to.deep.equal(blankMatter(ID, title));
    const el = await fixture<MatterDesigner>(
      html`<matter-designer
        lang="en"
        .catalogue=${catalogue}
        .fixtures=${fixtures}
        .store=${store}
        .matter=${blank}
      ></matter-designer>`,
    );
    await settled(el);
    await expect(el).to.be.accessible();

    const matter = () => el.matter as Matter;
    const schemaAt = (pointer: string) => getAt(matter(), `/schema${pointer}`) as Record<string, unknown> | undefined;
    const focused = (path: string) => () => control(el, path);
    const treeItem = () => {
      const active = deepActive();
      return active?.getAttribute('role') === 'treeitem' ? active : undefined;
    };
    const tab = (group: 'edit' | 'view', name: string) => () => el.shadowRoot?.querySelector(`#${group}-tab-${name}`);
    const selectedTab = (group: 'edit' | 'view') => () =>
      el.shadowRoot?.querySelector(`[role='tab'][id^='${group}-tab-'][aria-selected='true']`);

    /** Types a new value over a text control reached by Tab; Enter applies it. */
    const write = async (path: string, text: string) => {
      await tabTo(path, focused(path));
      await retype(text);
      await press('Enter');
      await expectFocusKept(el, `writing ${path}`);
    };
    /** Shift+Tab back to the palette's search, a query, Enter: the best match is added where the selection says. */
    const addFromPalette = async (query: string) => {
      await tabTo('the palette search', focused('palette >>> #palette-search'), { back: true });
      await retype(query);
      await press('Enter');
      await expectFocusKept(el, `adding “${query}” from the palette`);
    };
    /** The selected field's key and titles, in the properties panel. */
    const name = async (key: string, zh: string, en: string) => {
      await write('properties >>> #key', key);
      await write('properties >>> #title-zh-CN', zh);
      await write('properties >>> #title-en', en);
    };
    /** An editor tab, by Tab to its tab list and the arrow keys along it. */
    const openEditTab = async (name: string, back = true) => {
      await tabTo('the editor’s tabs', selectedTab('edit'), { back, max: 400 });
      for (let guard = 0; guard < 6 && deepActive() !== tab('edit', name)(); guard++) await press('ArrowRight');
      expectFocusOn(`the ${name} tab`, tab('edit', name)());
      await settled(el);
      expect(tab('edit', name)()?.getAttribute('aria-selected')).to.equal('true');
    };

    // 1. A group: the palette's search is where the designer starts.
    (control(el, 'palette >>> #palette-search') as HTMLElement).focus();
    await addFromPalette('Group');
    await name('applicant', '申请人', 'Applicant');
    expect(schemaAt('/properties/applicant')).to.deep.include({ type: 'object', title: '申请人' });

    // 2. Five fields into the selected group. Two from concepts, found by the palette's search.
    await addFromPalette('person.name');
    await addFromPalette('person.mobile');
    expect(schemaAt('/properties/applicant/properties/name')?.['x-concept']).to.equal('person.name');
    expect(schemaAt('/properties/applicant/properties/mobile')?.['x-concept']).to.equal('person.mobile');

    // A one-choice field, required (Space on its checkbox), with its own options.
    await addFromPalette('One choice');
    await name('role', '申请身份', 'Applying as');
    await tabTo('required', focused('properties >>> #required'));
    await press('Space');
    await expectFocusKept(el, 'Space on required');
    await write('properties >>> #option-value-0', 'self');
    await write('properties >>> #option-title-0-zh-CN', '本人');
    await write('properties >>> #option-title-0-en', 'Myself');
    await write('properties >>> #option-value-1', 'agent');
    await write('properties >>> #option-title-1-zh-CN', '代理人');
    await write('properties >>> #option-title-1-en', 'An agent');
    const role = schemaAt('/properties/applicant/properties/role');
    expect(role?.oneOf).to.deep.equal([
      { const: 'self', title: '本人', 'x-i18n': { en: { title: 'Myself' } } },
      { const: 'agent', title: '代理人', 'x-i18n': { en: { title: 'An agent' } } },
    ]);
    expect(schemaAt('/properties/applicant/required')).to.deep.equal(['role']);

    // A short text shown only when the applicant applies as an agent: the show-when editor.
    await addFromPalette('Short text');
    await name('agentName', '代理人姓名', "Agent's name");
    await tabTo('add a condition', focused('properties >>> #show-when >>> #add'));
    await press('Enter');
    await expectFocusKept(el, 'adding a condition');
    await tabTo('the tested field', focused('properties >>> #show-when >>> #field-0'));
    await arrowTo('the tested field', (option) => option.value === 'role');
    await expectFocusKept(el, 'choosing the tested field');
    await tabTo('the test', focused('properties >>> #show-when >>> #op-0'));
    await arrowTo('the test', (option) => option.value === 'is');
    await expectFocusKept(el, 'choosing the test');
    await tabTo('the tested value', focused('properties >>> #show-when >>> #value-0'));
    await arrowTo('the tested value', (option) => option.text.trim() === 'An agent');
    await expectFocusKept(el, 'choosing the tested value');
    expect(schemaAt('/properties/applicant/allOf')).to.deep.equal([
      {
        if: { properties: { role: { const: 'agent' } }, required: ['role'] },
        then: {
          properties: { agentName: (schemaAt('/properties/applicant/allOf/0/then/properties') ?? {}).agentName },
        },
      },
    ]);
    expect(schemaAt('/properties/applicant/allOf/0/then/properties/agentName')?.title).to.equal('代理人姓名');

    // The fifth: a long text.
    await addFromPalette('Long text');
    await name('reason', '申请理由', 'Reason');
    expect(Object.keys(schemaAt('/properties/applicant/properties') ?? {})).to.deep.equal([
      'name',
      'mobile',
      'role',
      'reason',
    ]);

    // 3. The whole form selected (the tree's first item, by Home): its authority, in the attributes.
    await tabTo('the outline', treeItem, { back: true });
    await press('Home');
    await expectFocusKept(el, 'Home in the outline');
    expect(el.shadowRoot?.querySelector('#edit-tab-properties'), 'no field is selected').to.equal(null);
    await openEditTab('attributes', false);
    await write('attributes >>> #authority-zh-CN', '长沙市键盘事务局');
    await write('attributes >>> #authority-en', 'Changsha Keyboard Affairs Bureau');
    expect(matter().authority).to.deep.equal({ 'zh-CN': '长沙市键盘事务局', en: 'Changsha Keyboard Affairs Bureau' });
    // Delivered as a download (Space on its checkbox): the rating's deliver stage is no longer red.
    expect(el.rating?.stages.deliver.colour).to.equal('red');
    await tabTo('delivered as a download', focused("attributes >>> #delivery input[data-value='download']"));
    await press('Space');
    await expectFocusKept(el, 'Space on a way of delivery');
    expect(matter().result).to.deep.equal({ delivery: ['download'] });
    expect(el.rating?.stages.deliver.colour).to.not.equal('red');

    // At the top level: a yes/no question, and a list whose item field is renamed.
    await addFromPalette('Yes / no');
    await name('renting', '是否租房居住', 'Renting a home?');
    await addFromPalette('List');
    await name('members', '家庭成员', 'Household members');
    await tabTo('the outline', treeItem, { back: true });
    await press('ArrowDown');
    await expectFocusKept(el, 'ArrowDown in the outline');
    await name('memberName', '成员姓名', "Member's name");
    expect(schemaAt('/properties/renting')).to.deep.include({ type: 'boolean' });
    expect(schemaAt('/properties/members')).to.deep.include({ type: 'array' });
    expect(schemaAt('/properties/members/items/properties/memberName')).to.deep.include({ title: '成员姓名' });

    // 4. A material the catalogue knows, needed when the applicant rents.
    await openEditTab('materials');
    await tabTo('the known materials search', focused('materials >>> #known-search'));
    await type('rental');
    await settled(el);
    await tabTo('the rental contract', focused("materials >>> [data-material='rental-contract']"));
    await press('Enter');
    await expectFocusKept(el, 'adding a material');
    expectFocusOn('the new material’s id', control(el, 'materials >>> #material-id'));
    await tabTo('the material’s condition', focused('materials >>> #material-when >>> #add'));
    await press('Enter');
    await expectFocusKept(el, 'adding a material condition');
    expect(matter().materials?.map((m) => [m.id, m.when])).to.deep.equal([
      ['rental-contract', { properties: { renting: { const: true } }, required: ['renting'] }],
    ]);

    // 5. An output: a system, and one key mapped to the applicant's name, picked from the fields.
    await openEditTab('outputs');
    await tabTo('the new system', focused('outputs >>> #new-system'));
    await type('hn-permit');
    await tabTo('add the system', focused('outputs >>> #add-system'));
    await press('Enter');
    await expectFocusKept(el, 'adding an output');
    expectFocusOn('the new key', control(el, 'outputs >>> #output-0-new-key'));
    await type('applicantName');
    await tabTo('the new key’s field', focused('outputs >>> #output-0-new-field'));
    await arrowTo('the new key’s field', (option) => option.value === '/applicant/name');
    await tabTo('add the key', focused('outputs >>> #output-0-add-key'));
    await press('Enter');
    await expectFocusKept(el, 'adding an output key');
    expect(matter().outputs).to.deep.equal([{ system: 'hn-permit', template: { applicantName: '{/applicant/name}' } }]);

    // 6. Two steps: the first holds every field; the yes/no question and the list move to the second.
    await openEditTab('steps');
    await tabTo('add a step', focused('steps >>> #add-step'));
    await press('Enter');
    await expectFocusKept(el, 'adding the first step');
    await write('steps >>> #step-0-title-zh-CN', '申请人信息');
    await write('steps >>> #step-0-title-en', 'About you');
    await tabTo('add a step', focused('steps >>> #add-step'));
    await press('Enter');
    await expectFocusKept(el, 'adding the second step');
    await write('steps >>> #step-1-title-zh-CN', '居住与家庭');
    await write('steps >>> #step-1-title-en', 'Home and family');
    for (const data of ['/renting', '/members']) {
      await tabTo(`the step of ${data}`, focused(`steps >>> select[data-field='${data}']`), { back: true });
      await arrowTo(`the step of ${data}`, (option) => option.value === '1');
      await press('Tab');
      await press('Enter');
      await expectFocusKept(el, `moving ${data} to the second step`);
    }
    expect(matter().layout?.steps.map((step) => step.fields)).to.deep.equal([['/applicant'], ['/renting', '/members']]);

    // 7. The preview, its tab reached by keyboard: the real form, filled for the fixtures' first
    // applicant — the concept fields hold their values, each with where it came from.
    await tabTo('the views’ tabs', selectedTab('view'), { max: 400 });
    await press('Home');
    await settled(el);
    expectFocusOn('the preview tab', tab('view', 'preview')());
    expect(tab('view', 'preview')()?.getAttribute('aria-selected')).to.equal('true');
    const form = () => control(el, 'preview >>> matter-form');
    const input = (id: string) => form()?.shadowRoot?.getElementById(id) as HTMLInputElement | null;
    await waitUntil(() => input('mf_2f_applicant_2f_name')?.value === '李思远', 'the preview fills the name', {
      timeout: 15000,
    });
    await waitUntil(() => input('mf_2f_applicant_2f_mobile')?.value === '13907310001', 'and the mobile number', {
      timeout: 15000,
    });
    for (const id of ['mf_2f_applicant_2f_name', 'mf_2f_applicant_2f_mobile'])
      expect(form()?.shadowRoot?.getElementById(`${id}-badge`)?.textContent, `${id}'s provenance`).to.match(/From /);
    expect(input('mf_2f_applicant_2f_agentName'), 'the agent’s name waits for “An agent”').to.equal(null);

    // 8. Publish through the header: version and changelog, by keyboard.
    await tabTo('publish', () => el.shadowRoot?.querySelector("[part~='publish-button']"), { back: true, max: 600 });
    await press('Enter');
    await settled(el);
    expectFocusOn('the version', el.shadowRoot?.querySelector('#publish-version'));
    await type('1.0.0');
    await press('Tab');
    await type('First version, built by keyboard.');
    await press('Tab');
    await press('Enter');
    await waitUntil(() => el.state === 'live' && el.matter?.version === '1.0.0', 'published as 1.0.0', {
      timeout: 20000,
    });
    await expectFocusKept(el, 'publishing');
    await expect(el).to.be.accessible();

    // 9. `matterform validate` and `report` on the folder agree with what the designer showed.
    const check = (await (await fetch(`/__design-server/check?dir=${encodeURIComponent(server.dir)}`)).json()) as Check;
    expect(check.validate.exit, check.validate.stdout + check.validate.stderr).to.equal(0);
    const entry = check.report?.matters.find((m) => m.id === ID);
    expect(entry, 'the report rates the new matter').to.exist;
    const rating = el.rating as MatterRating;
    expect(entry?.colour).to.equal(rating.colour);
    for (const stage of ['apply', 'review', 'deliver'] as const) {
      expect(entry?.stages[stage].colour, stage).to.equal(rating.stages[stage].colour);
      expect(rules(entry?.stages[stage].reasons ?? []), stage).to.deep.equal(rules(rating.stages[stage].reasons));
    }
    expect(el.problems.filter((p) => p.severity === 'error')).to.deep.equal([]);
  });
});
