// renderMaterials inside a host's shadow root, as <matter-form> draws it: the states the
// element alone never reaches (errors shown on continue, read-only, disabled, checking),
// onsite and template materials, expired licences, and ids the error summary links to.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import {
  createConditionTester,
  planMatter,
  type Catalogue,
  type Matter,
  type MaterialsInput,
  type SubjectKind,
} from '@matterform/core';
import { MaterialsController } from './materials-controller.js';
import { materialsStyles, renderMaterials, type MaterialsViewOptions } from './materials-view.js';
import { tokens } from '../styles.js';
import {
  choose,
  detailsOf,
  errorsOf,
  fileNames,
  item,
  matterOf,
  pdf,
  sampleCatalogue,
  shown,
  statusOf,
  squash,
} from './materials.test-helpers.js';

type ViewSettings = Omit<MaterialsViewOptions, 'plan' | 'entries' | 'controller' | 'idPrefix' | 'lang'> & {
  matter: Matter;
  catalogue: Catalogue;
  kind?: SubjectKind;
  data?: unknown;
  answers?: MaterialsInput['answers'];
  idPrefix?: string;
  lang?: 'zh-CN' | 'en';
};

/** The smallest host: a controller, and the view drawn once or twice in one shadow root. */
class ViewHost extends LitElement {
  static override properties = { settings: { attribute: false }, twice: { type: Boolean } };
  static override styles = [tokens, materialsStyles];
  readonly controller = new MaterialsController(this);
  declare settings: ViewSettings | undefined;
  declare twice: boolean;

  constructor() {
    super();
    this.settings = undefined;
    this.twice = false;
  }

  override render() {
    if (!this.settings) return html``;
    const { matter, catalogue, kind, data, answers, idPrefix, lang, ...view } = this.settings;
    const plan = planMatter(matter, catalogue, kind ?? 'person');
    const test = createConditionTester(plan.schema);
    const entries = this.controller.entries({ plan, data: data ?? {}, answers, today: '2026-11-26', test });
    const draw = (prefix: string) =>
      renderMaterials({ ...view, plan, entries, controller: this.controller, lang: lang ?? 'zh-CN', idPrefix: prefix });
    return html`${draw(idPrefix ?? 'm')}${this.twice ? draw('other') : ''}`;
  }
}
customElements.define('test-materials-view', ViewHost);

let catalogue: Catalogue;
before(async () => {
  catalogue = await sampleCatalogue();
});

async function view(settings: Omit<ViewSettings, 'catalogue'>, twice = false): Promise<ViewHost> {
  return fixture<ViewHost>(
    html`<test-materials-view .settings=${{ catalogue, ...settings }} ?twice=${twice}></test-materials-view>`,
  );
}

const rootOf = (el: ViewHost) => el.shadowRoot as ShadowRoot;

describe('renderMaterials', () => {
  it('shows a required material’s error only once errors are to be shown, linked from its file input', async () => {
    const matter = matterOf(catalogue, 'company-name-change');
    const el = await view({ matter, kind: 'organization' });
    await expect(el).to.be.accessible();
    const resolution = shown(rootOf(el), '股东会决议');
    expect(statusOf(resolution)).to.equal('未提供');
    expect(errorsOf(resolution)).to.deep.equal([]);

    el.settings = { catalogue, matter, kind: 'organization', showErrors: true };
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(statusOf(resolution)).to.equal('! 未提供');
    expect(errorsOf(resolution)).to.deep.equal(['错误：请上传股东会决议']);
    const input = rootOf(el).getElementById('m-shareholder-resolution') as HTMLInputElement;
    expect(input.type).to.equal('file');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const error = resolution.querySelector('[part~="error-message"]')?.parentElement;
    expect(described).to.include(error?.id);
    expect(squash(rootOf(el).getElementById(described[0] as string)?.textContent)).to.equal(
      '可上传 PDF 文件，每个不超过 10 MB，最多 5 个',
    );

    // Once a file is there, the error goes.
    choose(resolution, [pdf('resolution.pdf')]);
    await waitUntil(() => fileNames(resolution).length === 1);
    await el.updateComplete;
    expect(errorsOf(resolution)).to.deep.equal([]);
    expect(statusOf(resolution)).to.equal('✓ 已上传');
  });

  it('tells the person to bring an original, and offers a template to download', async () => {
    const matter = matterOf(catalogue, 'company-name-change');
    const el = await view({ matter, kind: 'organization', showErrors: true });
    await expect(el).to.be.accessible();
    const original = shown(rootOf(el), '营业执照正、副本原件');
    expect(statusOf(original)).to.equal('i 需到现场出示原件');
    expect(detailsOf(original)).to.deep.equal(['办理时请携带原件到窗口，由工作人员核验。']);
    expect(original.querySelector('input')).to.equal(null);
    expect(errorsOf(original), 'onsite does not block').to.deep.equal([]);

    const resolution = shown(rootOf(el), '股东会决议');
    const link = resolution.querySelector<HTMLAnchorElement>('a[part~="template-link"]');
    expect(squash(link?.textContent)).to.equal('下载模板：股东会决议');
    expect(link?.href).to.equal(new URL('templates/shareholder-resolution.docx', document.baseURI).href);
  });

  it('links nothing for a template that is not a web address', async () => {
    const base = matterOf(catalogue, 'company-name-change');
    const matter: Matter = {
      ...base,
      materials: (base.materials ?? []).map((m) =>
        m.id === 'shareholder-resolution' ? { ...m, template: 'javascript:alert(1)' } : m,
      ),
    };
    const el = await view({ matter, kind: 'organization' });
    expect(shown(rootOf(el), '股东会决议').querySelector('a')).to.equal(null);
  });

  it('says a held licence has expired, and what to do', async () => {
    const matter = matterOf(catalogue, 'road-transport-qualification-renewal');
    const answers: MaterialsInput['answers'] = {
      sources: new Map(),
      failed: [],
      licences: [
        {
          type: 'driving-licence',
          number: '430103198507220469',
          issuedAt: '2020-06-30',
          validUntil: '2026-06-30',
          values: {},
        },
      ],
    };
    const el = await view({ matter, answers, showErrors: true });
    await expect(el).to.be.accessible();
    const driving = shown(rootOf(el), '机动车驾驶证');
    expect(statusOf(driving)).to.equal('! 已过期，需重新提供');
    expect(detailsOf(driving)).to.deep.equal(['您的电子证照或档案中的材料已过期，请上传有效的材料。']);
    expect(errorsOf(driving)).to.deep.equal(['错误：机动车驾驶证已过期，请上传有效的材料']);
    const optional = shown(rootOf(el), '继续教育记录');
    expect(squash(optional.querySelector('[part~="material-title"]')?.textContent)).to.equal('继续教育记录（选填）');
    expect(errorsOf(optional), 'an optional material never shows an error').to.deep.equal([]);
  });

  it('says "checking" while providers are asked, for materials they may satisfy only', async () => {
    const matter = matterOf(catalogue, 'road-transport-qualification-renewal');
    const el = await view({ matter, checking: true, showErrors: true });
    await expect(el).to.be.accessible();
    const idCard = shown(rootOf(el), '居民身份证');
    expect(statusOf(idCard)).to.equal('… 正在核验…');
    expect(idCard.querySelector('input'), 'no upload before the licence is checked').to.equal(null);
    expect(errorsOf(idCard)).to.deep.equal([]);
    const education = shown(rootOf(el), '继续教育记录');
    expect(statusOf(education)).to.equal('未提供');
    expect(education.querySelector('input[type="file"]')).to.exist;
  });

  it('points the error summary at the name of a material that cannot be uploaded', async () => {
    const base = matterOf(catalogue, 'company-name-change');
    const matter: Matter = {
      ...base,
      materials: [{ id: 'seal', title: { 'zh-CN': '公章', en: 'Company seal' }, kind: 'other', required: true }],
    };
    const el = await view({ matter, kind: 'organization', showErrors: true, lang: 'en' });
    await expect(el).to.be.accessible();
    const seal = shown(rootOf(el), 'Company seal');
    expect(detailsOf(seal)).to.deep.equal(['This material cannot be sent online: hand it in at the counter.']);
    expect(errorsOf(seal)).to.deep.equal(['Error: Provide Company seal']);
    const target = rootOf(el).getElementById('m-seal');
    expect(target?.getAttribute('role')).to.equal('heading');
    expect(target?.getAttribute('tabindex')).to.equal('-1');
  });

  it('shows chosen files without upload or removal when read-only, and disables them when disabled', async () => {
    const matter = matterOf(catalogue, 'company-name-change');
    const el = await view({ matter, kind: 'organization' });
    const resolution = shown(rootOf(el), '股东会决议');
    choose(resolution, [pdf('a.pdf'), pdf('b.pdf', 2000)]);
    await waitUntil(() => fileNames(resolution).length === 2);

    el.settings = { catalogue, matter, kind: 'organization', disabled: true };
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(resolution.querySelector<HTMLInputElement>('input[type="file"]')?.disabled).to.equal(true);
    const removes = [...resolution.querySelectorAll<HTMLButtonElement>('[part~="remove-button"]')];
    expect(removes.map((b) => b.disabled)).to.deep.equal([true, true]);

    el.settings = { catalogue, matter, kind: 'organization', readonly: true };
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(resolution.querySelector('input')).to.equal(null);
    expect(resolution.querySelector('button')).to.equal(null);
    expect(fileNames(resolution)).to.deep.equal(['a.pdf', 'b.pdf']);
    expect(statusOf(resolution)).to.equal('✓ 已上传');
  });

  it('keeps ids unique when drawn twice in one shadow root with different prefixes', async () => {
    const matter = matterOf(catalogue, 'company-name-change');
    const el = await view({ matter, kind: 'organization', showErrors: true }, true);
    await expect(el).to.be.accessible();
    const ids = [...rootOf(el).querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.length).to.be.above(4);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(rootOf(el).getElementById('other-shareholder-resolution')).to.exist;
  });

  it('says so when no material applies', async () => {
    const base = matterOf(catalogue, 'company-name-change');
    const el = await view({ matter: { ...base, materials: [] }, kind: 'organization' });
    await expect(el).to.be.accessible();
    expect(squash(rootOf(el).textContent)).to.equal('此事项无需提交材料。');
    expect(item(rootOf(el), '股东会决议')).to.equal(undefined);
  });
});
