/* global document, customElements, history, location, window, URLSearchParams, structuredClone */
// The designer page: <matter-catalogue> (the three lists and four colours) and
// <matter-designer> on the catalogue, its preview filled for the synthetic applicants by the
// mock gateway. The catalogue shows first unless the address names a matter (?matter=);
// choosing a matter in it opens that matter in the designer, as a new history entry. Served by `matterform design DIR`, setup.json
// beside this page names the folder's design store, the catalogue and the gateway: every save
// and publish goes to the folder. Served at /designer/ by `matterform serve`, its setup.json
// names no store, and designs are kept in the browser (IndexedDB). Served by anything else
// with /catalogue.json and the gateway at /api, edits live in the page only. Data reaches the
// page through DOM calls only.

const TEXT = {
  'zh-CN': {
    loading: '正在加载……',
    ready: '已打开：{id}（{state}）',
    readyLocal: '已打开：{id}（修改只保存在本页面中）',
    failed: '设计器无法加载：{message}',
    switchTo: 'English',
    blank: '空白事项',
    copyOf: '复制“{title}”',
    created: '已新建草稿：{id}',
    catalogue: '事项目录：{count} 个事项',
  },
  en: {
    loading: 'Loading…',
    ready: 'Opened: {id} ({state})',
    readyLocal: 'Opened: {id} (changes live in this page only)',
    failed: 'The designer could not load: {message}',
    switchTo: '中文',
    blank: 'A blank matter',
    copyOf: 'A copy of “{title}”',
    created: 'Draft created: {id}',
    catalogue: 'Catalogue: {count} matters',
  },
};

const designer = document.getElementById('designer');
const catalogueElement = document.getElementById('catalogue');
const views = {
  catalogue: document.getElementById('catalogue-view'),
  designer: document.getElementById('designer-view'),
};
const navLinks = {
  catalogue: document.getElementById('nav-catalogue'),
  designer: document.getElementById('nav-designer'),
};
const select = document.getElementById('matters');
const status = document.getElementById('status');
const langButton = document.getElementById('lang');
const createForm = document.getElementById('create');
const createId = document.getElementById('new-id');
const createFrom = document.getElementById('new-from');
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';

const say = (key, params = {}) => TEXT[lang][key].replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
const titleOf = (title) => (typeof title === 'string' ? title : (title?.[lang] ?? title?.['zh-CN'] ?? ''));

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** setup.json when `matterform design` serves this page; else undefined. */
async function setup() {
  const response = await fetch('setup.json').catch(() => undefined);
  return response?.ok ? response.json() : undefined;
}

function setLang(next) {
  lang = next;
  document.documentElement.lang = lang;
  designer.setAttribute('lang', lang);
  catalogueElement.setAttribute('lang', lang);
  langButton.textContent = say('switchTo');
  langButton.lang = lang === 'en' ? 'zh-CN' : 'en';
}

async function main() {
  setLang(lang);
  status.textContent = say('loading');
  await customElements.whenDefined('matter-designer');
  const bundle = await import('/dist/matterform-designer.js');
  const found = await setup();
  const catalogue = await getJson(found?.catalogue ?? '/catalogue.json');
  designer.catalogue = catalogue;
  // The mock gateway lists the synthetic applicants and answers for them (SPEC §6, §7).
  const gateway = found ? found.gateway : '/api';
  if (gateway) designer.gateway = gateway;
  // The folder's store under `matterform design`; under `matterform serve`, an in-browser copy.
  const store = found?.store
    ? bundle.httpDesignStore?.({ base: found.store })
    : found
      ? bundle.createDesignStore?.({ catalogue })
      : undefined;
  if (store) designer.store = store;

  const entries = store
    ? await store.list()
    : catalogue.matters.map((matter) => ({ id: matter.id, title: matter.title, state: 'live' }));
  const list = async () => (store ? await store.list() : entries);
  const fill = (items) => {
    select.replaceChildren(...items.map((entry) => option(entry.id, `${titleOf(entry.title)} · ${entry.id}`)));
    createFrom.replaceChildren(
      option('', say('blank')),
      ...items.map((entry) => option(entry.id, say('copyOf', { title: titleOf(entry.title) }))),
    );
  };
  fill(entries);
  const open = async (id) => {
    if (store) {
      const loaded = await store.load(id);
      designer.matter = loaded.draft ?? loaded.live;
      status.textContent = say('ready', { id, state: loaded.draft ? 'draft' : 'live' });
    } else {
      designer.matter = structuredClone(catalogue.matters.find((m) => m.id === id));
      status.textContent = say('readyLocal', { id });
    }
  };
  let opened;
  const openOnce = async (id) => {
    await open(id);
    opened = id;
  };
  select.addEventListener('change', () => {
    void openOnce(select.value)
      .then(() => remember({ matter: select.value }, 'replace'))
      .catch(fail);
  });

  /** Shows one view; the designer opens the selected matter the first time it is shown. */
  const show = async (view) => {
    for (const [name, section] of Object.entries(views)) section.hidden = name !== view;
    for (const [name, link] of Object.entries(navLinks)) {
      if (name === view) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (view === 'catalogue') status.textContent = say('catalogue', { count: catalogue.matters.length });
    else if (select.value && opened !== select.value) await openOnce(select.value);
  };
  /** What the address asks for: a matter (the designer), the designer, or the catalogue. */
  const fromAddress = async () => {
    const params = new URLSearchParams(location.search);
    const wanted = params.get('matter');
    if (wanted && entries.some((e) => e.id === wanted)) {
      select.value = wanted;
      await show('designer');
    } else await show(params.get('view') === 'designer' ? 'designer' : 'catalogue');
  };
  /** A history entry for what the page shows, keeping the language. */
  const remember = (params, how = 'push') => {
    const url = new URL(location.href);
    url.search = new URLSearchParams({ ...params, ...(lang === 'en' ? { lang } : {}) }).toString();
    if (url.href === location.href) return;
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  catalogueElement.catalogue = catalogue;
  // Choosing a matter in the catalogue opens it in the designer, its heading focused so a
  // screen reader says where the person now is.
  catalogueElement.addEventListener('matter-open', (event) => {
    const { id } = event.detail;
    select.value = id;
    remember({ matter: id });
    void show('designer')
      .then(() => focusDesignerHeading())
      .catch(fail);
  });
  for (const [view, link] of Object.entries(navLinks)) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      remember(view === 'designer' && select.value ? { matter: select.value } : { view });
      void show(view).catch(fail);
    });
  }
  window.addEventListener('popstate', () => void fromAddress().catch(fail));
  // A new matter, blank or as a copy, is a draft in the store (SPEC §10): only with a store.
  createForm.hidden = !store;
  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = createId.value.trim();
    const from = createFrom.value || undefined;
    void bundle
      .createMatter(store, { id, from })
      .then(async () => {
        fill(await list());
        select.value = id;
        await openOnce(id);
        remember({ matter: id });
        status.textContent = say('created', { id });
        createId.value = '';
      })
      .catch(fail);
  });
  await fromAddress();
}

/** The designer's heading, focused: it is no control, so it takes focus from script only (tabindex -1). */
async function focusDesignerHeading() {
  await designer.updateComplete;
  const heading = designer.shadowRoot?.querySelector('[part~="title"]');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

function fail(error) {
  status.textContent = say('failed', { message: error.message });
}

langButton.addEventListener('click', () => setLang(lang === 'en' ? 'zh-CN' : 'en'));
main().catch(fail);
