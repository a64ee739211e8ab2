// The department site around <matter-form>: it picks a sample matter and a synthetic
// applicant, hands them to the element through its SPEC §5 properties, and shows what the
// element's events report. Data only ever reaches the page through textContent and DOM
// calls, never as HTML, and nothing here is inline, so the page runs under its strict CSP.

import { linkApplications, trackCase, TRACKING_TEXT, trackingLang } from './tracking.js';

const TEXT = {
  'zh-CN': {
    skip: '跳到主要内容',
    region: '湖南省 · 长沙市',
    demoBadge: '演示站点：全部为合成数据，不是真实政府网站',
    siteName: '长沙市政务服务网',
    siteMotto: '一网通办 · 网上办理 · 最多跑一次',
    navHome: '首页',
    navPerson: '个人办事',
    navOrganization: '法人办事',
    navDepartments: '部门服务',
    navRating: '好差评',
    breadcrumbLabel: '当前位置',
    panelsLabel: '演示面板',
    controlsTitle: '选择事项与申请人',
    controlsHint: '选择一个示例事项和一位合成申请人（模拟登录），表单会从电子证照、共享数据和档案中自动填写。',
    matterLabel: '办理事项',
    subjectLabel: '申请人（模拟登录）',
    kindPerson: '自然人',
    kindOrganization: '法人',
    guideTitle: '办事指南',
    statusTitle: '办理状态',
    statusLoading: '正在加载……',
    statusMounting: '正在打开“{title}”的申请表……',
    statusReady: '表单已就绪：{title}',
    statusSubmitting: '正在提交……',
    statusSubmitted: '已提交，受理编号 {reference}',
    statusError: '出错（{code}）：{message}',
    statusMissing: '组件未加载：只能浏览事项信息',
    prefillTitle: '自动填写',
    prefillWaiting: '等待表单自动填写……',
    prefillFilled: '已自动填写 {count} 项，其中 {locked} 项来自权威来源并已锁定。',
    prefillNothing: '没有可自动填写的内容。',
    prefillConflicts: '{count} 项在不同来源中的值不一致，已采用优先来源。',
    prefillInvalid: '{count} 个取得的值未通过校验，未填入。',
    prefillProvider: '{provider}：{count} 项',
    prefillFailedTitle: '未能取得',
    prefillConsent: '已授权：{given}。未授权：{refused}。',
    none: '无',
    listSeparator: '、',
    providerLicence: '{title}（电子证照）',
    providerSource: '{title}（共享数据）',
    providerArchive: '电子档案袋（以往填报）',
    reasonTimeout: '超时',
    reasonNetwork: '网络错误',
    reasonMalformed: '返回数据格式错误',
    reasonConsentRefused: '申请人未授权',
    reasonHttp: '接口返回 {status}',
    resultTitle: '提交结果',
    referenceLabel: '受理编号',
    receivedAt: '接收时间：{time}',
    submissionTitle: '提交的数据（JSON）',
    startAgain: '再办一件',
    nextMatterHint:
      '再选一个事项试试：如果您在提交前勾选了“在本设备上记住”，刚才填写的答案和上传的材料已加密保存在本设备上，相同的内容会自动带入。',
    archiveTitle: '本设备上的档案',
    archiveIntro:
      '您提交时选择“在本设备上记住”的答案和可重复使用的材料，以及未完成的申请，加密保存在本浏览器中，用于下次自动填写。',
    archiveEmpty: '本设备上还没有保存 {name} 的内容。',
    archiveAnswers: '答案：{list}',
    archiveDocuments: '材料：{list}',
    archiveDrafts: '未完成的申请：{list}',
    archiveForget: '在本设备上忘记我',
    archiveForgotten: '已清除本设备上保存的全部答案、材料和草稿。',
    loadFailed: '无法加载示例目录或合成申请人：{message}',
    factAuthority: '实施机关',
    factCode: '事项编码',
    factTimeLimit: '办理时限',
    factFee: '收费',
    factVisits: '到现场次数',
    factChannels: '办理渠道',
    factContact: '咨询电话',
    timeLimitBoth: '承诺 {promised} 个工作日（法定 {statutory} 个工作日）',
    timeLimitOne: '{days} 个工作日',
    feeFree: '不收费',
    feeAmount: '{amount} 元',
    visits: '{count} 次',
    channelWeb: '网上办理',
    channelMobile: '移动端',
    channelCounter: '窗口',
    channelMail: '邮寄',
    channelSelfService: '自助终端',
    pageTitle: '{title} · 长沙市政务服务网（演示）',
    pageHeading: '在线办理：{title}',
    footerDemo: '本页是 matterform 的演示：事项来自示例目录，申请人和证照均为合成数据，由本机模拟网关提供。',
    footerContact: '咨询电话：12345（演示）',
    switchTo: 'English',
  },
  en: {
    skip: 'Skip to main content',
    region: 'Hunan Province · Changsha',
    demoBadge: 'Demo site: all data is synthetic; this is not a real government site',
    siteName: 'Changsha Government Services Online',
    siteMotto: 'One website for every service · apply online · at most one visit',
    navHome: 'Home',
    navPerson: 'For individuals',
    navOrganization: 'For organizations',
    navDepartments: 'Departments',
    navRating: 'Rate a service',
    breadcrumbLabel: 'You are here',
    panelsLabel: 'Demo panels',
    controlsTitle: 'Choose a matter and an applicant',
    controlsHint:
      'Pick a sample matter and a synthetic applicant (a simulated sign-in): the form fills itself from e-licences, shared data and earlier answers.',
    matterLabel: 'Matter',
    subjectLabel: 'Applicant (simulated sign-in)',
    kindPerson: 'Individuals',
    kindOrganization: 'Organizations',
    guideTitle: 'About this service',
    statusTitle: 'Status',
    statusLoading: 'Loading…',
    statusMounting: 'Opening the form for “{title}”…',
    statusReady: 'Form ready: {title}',
    statusSubmitting: 'Submitting…',
    statusSubmitted: 'Submitted, reference {reference}',
    statusError: 'Error ({code}): {message}',
    statusMissing: 'Component not loaded: the matter’s information only',
    prefillTitle: 'Filled for you',
    prefillWaiting: 'Waiting for the form to fill itself…',
    prefillFilled:
      'Fields filled for you: {count}, of which {locked} come from an authoritative source and are locked.',
    prefillNothing: 'Nothing could be filled in advance.',
    prefillConflicts: 'Fields whose sources disagree: {count} (the first source’s value was used).',
    prefillInvalid: 'Values that failed their field’s check and were not filled: {count}.',
    prefillProvider: '{provider}: {count}',
    prefillFailedTitle: 'Could not be fetched',
    prefillConsent: 'Consent given: {given}. Refused: {refused}.',
    none: 'none',
    listSeparator: ', ',
    providerLicence: '{title} (e-licence)',
    providerSource: '{title} (shared data)',
    providerArchive: 'Archive (earlier answers)',
    reasonTimeout: 'timed out',
    reasonNetwork: 'network error',
    reasonMalformed: 'malformed answer',
    reasonConsentRefused: 'consent refused',
    reasonHttp: 'answered {status}',
    resultTitle: 'Submission',
    referenceLabel: 'Reference',
    receivedAt: 'Received: {time}',
    submissionTitle: 'The submission (JSON)',
    startAgain: 'Start again',
    nextMatterHint:
      'Now try another matter: if you ticked “Remember … on this device” before submitting, the answers you gave and the documents you uploaded are kept, encrypted, on this device, and fill in what they can.',
    archiveTitle: 'Kept on this device',
    archiveIntro:
      'Answers and reusable documents you asked this device to remember when submitting, and unfinished applications, encrypted in this browser, to fill in your next applications.',
    archiveEmpty: 'Nothing is kept on this device for {name} yet.',
    archiveAnswers: 'Answers: {list}',
    archiveDocuments: 'Documents: {list}',
    archiveDrafts: 'Unfinished applications: {list}',
    archiveForget: 'Forget me on this device',
    archiveForgotten: 'Every answer, document and draft kept on this device has been deleted.',
    loadFailed: 'Could not load the sample catalogue or the synthetic applicants: {message}',
    factAuthority: 'Authority',
    factCode: 'Code',
    factTimeLimit: 'Time limit',
    factFee: 'Fee',
    factVisits: 'Visits in person',
    factChannels: 'Channels',
    factContact: 'Enquiries',
    timeLimitBoth: '{promised} working days promised ({statutory} by law)',
    timeLimitOne: '{days} working days',
    feeFree: 'Free',
    feeAmount: 'CNY {amount}',
    visits: '{count}',
    channelWeb: 'online',
    channelMobile: 'mobile app',
    channelCounter: 'counter',
    channelMail: 'post',
    channelSelfService: 'self-service terminal',
    pageTitle: '{title} · Changsha Government Services Online (demo)',
    pageHeading: 'Apply online: {title}',
    footerDemo:
      'This page demonstrates matterform: the matters come from the sample catalogue; the applicants and their licences are synthetic, served by a mock gateway on this machine.',
    footerContact: 'Enquiries: 12345 (demo)',
    switchTo: '中文',
  },
};

// Case tracking's words live with its module (tracking.js).
for (const lang of Object.keys(TEXT)) Object.assign(TEXT[lang], TRACKING_TEXT[lang]);

const LANGS = ['zh-CN', 'en'];
const CHANNEL_KEYS = {
  web: 'channelWeb',
  mobile: 'channelMobile',
  counter: 'channelCounter',
  mail: 'channelMail',
  'self-service': 'channelSelfService',
};
const REASON_KEYS = {
  timeout: 'reasonTimeout',
  network: 'reasonNetwork',
  malformed: 'reasonMalformed',
  'consent-refused': 'reasonConsentRefused',
};

const state = {
  lang: 'zh-CN',
  catalogue: undefined,
  /** `[{ subject, label, token }]` from the mock gateway. */
  subjects: [],
  matterId: '',
  subjectId: '',
  /** Bumped on every new form, so a late answer for an earlier choice is dropped. */
  session: 0,
  prefill: emptyPrefill(),
  consent: undefined,
  status: { key: 'statusLoading', params: {} },
  submitted: undefined,
  validators: new Map(),
};

const byId = (id) => document.getElementById(id);

function t(key, params = {}) {
  const template = TEXT[state.lang][key] ?? TEXT['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A SPEC §1 Text: a string, or locale → string falling back to zh-CN. */
function localize(text) {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return text[state.lang] ?? text['zh-CN'] ?? Object.values(text)[0] ?? '';
}

/** An ID number or credit code as the concepts' `mask: "keep 4 …4"` shows it. */
function maskId(id) {
  return id.length <= 8 ? id : id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** The fixtures label `合成申请人甲 (synthetic applicant A): note` split into its languages and note. */
function subjectName(label) {
  const match = /^(.*?) \((.*?)\)(?:[:：] ?(.*))?$/s.exec(label);
  if (!match) return { name: label, note: '' };
  return { name: state.lang === 'en' ? match[2] : match[1], note: match[3] ?? '' };
}

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

// ---------------------------------------------------------------------------------------
// Language

function applyLang() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  trackingLang(state.lang);
  byId('breadcrumb').setAttribute('aria-label', t('breadcrumbLabel'));
  document.querySelector('.panels').setAttribute('aria-label', t('panelsLabel'));
  const toggle = byId('lang-toggle');
  toggle.textContent = t('switchTo');
  toggle.lang = state.lang === 'en' ? 'zh-CN' : 'en';
  // The attribute, not the property: the element reads its language from the attribute while
  // rendering, and a property set after the first render reaches the attribute only after.
  byId('form')?.setAttribute('lang', state.lang);
  if (state.catalogue) {
    fillMatterSelect();
    fillSubjectSelect();
    renderGuide();
  }
  renderStatus();
  renderPrefill();
  renderResult();
}

// ---------------------------------------------------------------------------------------
// Choosing a matter and an applicant

function currentMatter() {
  return state.catalogue?.matters.find((m) => m.id === state.matterId);
}

function fitsAudience(matter, subject) {
  return !matter?.audience || matter.audience.includes(subject.kind);
}

function fillMatterSelect() {
  const select = byId('matter-select');
  const groups = [
    ['person', t('navPerson')],
    ['organization', t('navOrganization')],
  ];
  select.replaceChildren(
    ...groups.map(([kind, label]) =>
      el(
        'optgroup',
        { label },
        state.catalogue.matters
          .filter((m) => (m.audience ?? ['person']).includes(kind))
          .filter((m) => kind === 'person' || !(m.audience ?? ['person']).includes('person'))
          .map((m) => el('option', { value: m.id, textContent: localize(m.title) })),
      ),
    ),
  );
  select.value = state.matterId;
  select.disabled = false;
}

function fillSubjectSelect() {
  const select = byId('subject-select');
  const matter = currentMatter();
  const groups = [
    ['person', t('kindPerson')],
    ['organization', t('kindOrganization')],
  ];
  select.replaceChildren(
    ...groups.map(([kind, label]) =>
      el(
        'optgroup',
        { label },
        state.subjects
          .filter((s) => s.subject.kind === kind)
          .map((s) =>
            el('option', {
              value: s.subject.id,
              textContent: `${subjectName(s.label).name} · ${maskId(s.subject.id)}`,
              // A matter for organizations cannot be applied for by a person, and vice versa.
              disabled: !fitsAudience(matter, s.subject),
            }),
          ),
      ),
    ),
  );
  select.value = state.subjectId;
  select.disabled = false;
  const chosen = state.subjects.find((s) => s.subject.id === state.subjectId);
  byId('subject-note').textContent = chosen ? subjectName(chosen.label).note : '';
}

/** Keeps the chosen applicant when the matter allows them, else takes the first who fits. */
function settleSubject() {
  const matter = currentMatter();
  const current = state.subjects.find((s) => s.subject.id === state.subjectId);
  if (current && fitsAudience(matter, current.subject)) return;
  state.subjectId = state.subjects.find((s) => fitsAudience(matter, s.subject))?.subject.id ?? '';
}

function remember() {
  const params = new URLSearchParams({ matter: state.matterId, subject: state.subjectId, lang: state.lang });
  history.replaceState(null, '', `${location.pathname}?${params}`);
  linkApplications(state.subjectId, state.lang);
}

// ---------------------------------------------------------------------------------------
// The matter's guide (办事指南): the facts a department lists beside every form

function renderGuide() {
  const matter = currentMatter();
  if (!matter) return;
  const title = localize(matter.title);
  byId('matter-title').textContent = t('pageHeading', { title });
  byId('crumb-matter').textContent = title;
  document.title = t('pageTitle', { title });
  const forOrganizations = !(matter.audience ?? ['person']).includes('person');
  const channel = byId('crumb-channel');
  channel.dataset.text = forOrganizations ? 'navOrganization' : 'navPerson';
  channel.textContent = t(channel.dataset.text);
  byId('nav-person').classList.toggle('current', !forOrganizations);
  byId('nav-organization').classList.toggle('current', forOrganizations);
  byId('matter-scenario').textContent = localize(matter.scenario);

  const facts = [];
  if (matter.authority) facts.push(['factAuthority', localize(matter.authority)]);
  if (matter.code) facts.push(['factCode', matter.code]);
  const limit = matter.timeLimit;
  if (limit?.promisedDays !== undefined && limit.statutoryDays !== undefined)
    facts.push(['factTimeLimit', t('timeLimitBoth', { promised: limit.promisedDays, statutory: limit.statutoryDays })]);
  else if (limit?.promisedDays !== undefined || limit?.statutoryDays !== undefined)
    facts.push(['factTimeLimit', t('timeLimitOne', { days: limit.promisedDays ?? limit.statutoryDays })]);
  if (matter.fee)
    facts.push(['factFee', matter.fee.amount ? t('feeAmount', { amount: matter.fee.amount }) : t('feeFree')]);
  if (matter.onsiteVisits !== undefined) facts.push(['factVisits', t('visits', { count: matter.onsiteVisits })]);
  if (matter.channels?.length)
    facts.push([
      'factChannels',
      matter.channels.map((c) => (CHANNEL_KEYS[c] ? t(CHANNEL_KEYS[c]) : c)).join(t('listSeparator')),
    ]);
  if (matter.contact) facts.push(['factContact', matter.contact]);
  byId('matter-facts').replaceChildren(
    ...facts.map(([key, value]) =>
      el('div', { className: 'fact' }, [el('dt', { textContent: t(key) }), el('dd', { textContent: value })]),
    ),
  );
}

// ---------------------------------------------------------------------------------------
// The form

async function validatorsFor(matter) {
  const key = `${matter.id}@${matter.version}`;
  if (!state.validators.has(key)) {
    // The server compiles each matter's validator (as `matterform compile` does), so the
    // element never needs ajv's run-time compiler, which this page's CSP would refuse.
    const url = `/validators/${encodeURIComponent(matter.id)}@${encodeURIComponent(matter.version)}.mjs`;
    state.validators.set(
      key,
      import(url).then(
        (module) => ({ [key]: module.validate }),
        () => ({}),
      ),
    );
  }
  return state.validators.get(key);
}

/**
 * A fresh <matter-form> for the current choice. Replacing the element rather than
 * re-setting its properties starts every demo run from nothing: no typed answers, no
 * receipt of the previous submission.
 */
async function mountForm() {
  const session = ++state.session;
  const matter = currentMatter();
  const chosen = state.subjects.find((s) => s.subject.id === state.subjectId);
  state.prefill = emptyPrefill();
  state.consent = undefined;
  state.submitted = undefined;
  renderPrefill();
  renderResult();
  if (!matter || !chosen) return;
  if (customElements.get('matter-form')) setStatus('statusMounting', { title: localize(matter.title) });
  const validators = await validatorsFor(matter);
  if (session !== state.session) return;

  const old = byId('form');
  const form = old.cloneNode(false);
  form.setAttribute('lang', state.lang);
  form.validators = validators;
  form.catalogue = state.catalogue;
  form.matter = matter;
  form.subject = { kind: chosen.subject.kind, id: chosen.subject.id, token: `demo:${chosen.subject.id}` };
  old.replaceWith(form);
}

// ---------------------------------------------------------------------------------------
// What the element reports

function emptyPrefill() {
  return { seen: false, filled: new Map(), conflicts: new Set(), failed: new Map(), invalid: new Set() };
}

function providerName(provider) {
  const [kind, id] = provider.split(/:(.*)/s);
  if (kind === 'licence') {
    const licence = state.catalogue?.licences.find((l) => l.id === id);
    return t('providerLicence', { title: licence ? localize(licence.title) : id });
  }
  if (kind === 'source') {
    const source = state.catalogue?.sources.find((s) => s.id === id);
    return t('providerSource', { title: source ? localize(source.title) : id });
  }
  if (provider === 'archive') return t('providerArchive');
  return provider;
}

function reasonText(reason) {
  const http = /^http-(\d{3})$/.exec(reason);
  if (http) return t('reasonHttp', { status: http[1] });
  return REASON_KEYS[reason] ? t(REASON_KEYS[reason]) : reason;
}

function onPrefill(detail) {
  const prefill = state.prefill;
  prefill.seen = true;
  // The event fires again for branch fields as their branch comes to apply: keep a running total.
  for (const entry of detail.filled ?? []) prefill.filled.set(entry.pointer, entry);
  for (const entry of detail.conflicts ?? []) prefill.conflicts.add(entry.pointer);
  for (const entry of detail.failed ?? []) prefill.failed.set(entry.provider, entry.reason);
  for (const entry of detail.invalid ?? []) prefill.invalid.add(`${entry.pointer} ${entry.provider}`);
  renderPrefill();
}

function renderPrefill() {
  const prefill = state.prefill;
  const summary = byId('prefill-summary');
  const filled = [...prefill.filled.values()];
  if (!prefill.seen) summary.textContent = t('prefillWaiting');
  else if (filled.length === 0) summary.textContent = t('prefillNothing');
  else {
    const locked = filled.filter((f) => f.locked).length;
    const lines = [t('prefillFilled', { count: filled.length, locked })];
    if (prefill.conflicts.size > 0) lines.push(t('prefillConflicts', { count: prefill.conflicts.size }));
    if (prefill.invalid.size > 0) lines.push(t('prefillInvalid', { count: prefill.invalid.size }));
    summary.textContent = lines.join(' ');
  }
  // Set once the first matter-prefill has come, so a test or script can wait for it.
  if (prefill.seen) summary.dataset.filled = String(filled.length);
  else delete summary.dataset.filled;

  const counts = new Map();
  for (const entry of filled) counts.set(entry.provider, (counts.get(entry.provider) ?? 0) + 1);
  byId('prefill-providers').replaceChildren(
    ...[...counts].map(([provider, count]) =>
      el('li', { textContent: t('prefillProvider', { provider: providerName(provider), count }) }),
    ),
  );
  byId('prefill-failed').replaceChildren(
    ...[...prefill.failed].map(([provider, reason]) =>
      el('li', { textContent: `${providerName(provider)} — ${reasonText(reason)}` }),
    ),
  );
  byId('prefill-failed-block').hidden = prefill.failed.size === 0;

  const consent = byId('prefill-consent');
  consent.hidden = !state.consent;
  if (state.consent) {
    const list = (providers) =>
      providers.length === 0 ? t('none') : providers.map(providerName).join(t('listSeparator'));
    consent.textContent = t('prefillConsent', {
      given: list(state.consent.given ?? []),
      refused: list(state.consent.refused ?? []),
    });
  }
}

function renderResult() {
  const panel = byId('result-panel');
  const submitted = state.submitted;
  panel.hidden = !submitted;
  if (!submitted) return;
  byId('reference').textContent = submitted.reference;
  const received = new Date(submitted.receivedAt);
  byId('received-at').textContent = t('receivedAt', {
    time: Number.isNaN(received.getTime())
      ? String(submitted.receivedAt)
      : received.toLocaleString(state.lang, { dateStyle: 'medium', timeStyle: 'medium' }),
  });
  byId('submission-json').textContent = JSON.stringify(submitted.submission, null, 2);
}

/**
 * What the page's archive (the one every <matter-form> here uses: the element class's
 * `defaultArchive`) keeps for the current applicant: concept and material titles only, never
 * the values, which stay in the form.
 */
async function renderArchive(message) {
  const session = state.session;
  const chosen = state.subjects.find((s) => s.subject.id === state.subjectId);
  const archive = customElements.get('matter-form')?.defaultArchive;
  const list = byId('archive-list');
  const note = byId('archive-note');
  if (!chosen || !archive || !state.catalogue) {
    list.replaceChildren();
    note.textContent = message ?? '';
    return;
  }
  const subject = { kind: chosen.subject.kind, id: chosen.subject.id };
  const [answers, documents, drafts] = await Promise.all([
    archive.answers(subject).catch(() => ({})),
    archive.documents(subject).catch(() => []),
    Promise.all(state.catalogue.matters.map((m) => archive.draft(subject, m.id).catch(() => undefined))),
  ]);
  if (session !== state.session) return;
  const conceptTitle = (id) => {
    const concept = state.catalogue.concepts.find((c) => c.id === id);
    return concept ? localize(concept.title) : id;
  };
  const materialTitle = (id) => {
    const material = state.catalogue.matters.flatMap((m) => m.materials ?? []).find((m) => m.id === id);
    return material ? localize(material.title) : id;
  };
  const lines = [];
  const concepts = Object.keys(answers);
  if (concepts.length > 0)
    lines.push(t('archiveAnswers', { list: concepts.map(conceptTitle).join(t('listSeparator')) }));
  if (documents.length > 0)
    lines.push(
      t('archiveDocuments', {
        list: documents.map((d) => `${materialTitle(d.material)}（${d.name}）`).join(t('listSeparator')),
      }),
    );
  const unfinished = state.catalogue.matters.filter((_, i) => drafts[i]);
  if (unfinished.length > 0)
    lines.push(t('archiveDrafts', { list: unfinished.map((m) => localize(m.title)).join(t('listSeparator')) }));
  list.replaceChildren(...lines.map((line) => el('li', { textContent: line })));
  note.textContent = message ?? (lines.length === 0 ? t('archiveEmpty', { name: subjectName(chosen.label).name }) : '');
}

async function forgetMe() {
  const archive = customElements.get('matter-form')?.defaultArchive;
  if (!archive) return;
  // The form goes first: it would otherwise save its draft again on the way out.
  byId('form').replaceWith(byId('form').cloneNode(false));
  await archive.clear();
  await mountForm();
  await renderArchive(t('archiveForgotten'));
}

function setStatus(key, params = {}) {
  state.status = { key, params };
  renderStatus();
}

function renderStatus() {
  const { key, params } = state.status;
  const shown = {};
  for (const [name, value] of Object.entries(params)) shown[name] = localize(value);
  const status = byId('status');
  status.textContent = t(key, shown);
  status.dataset.state = key;
}

function listen(host) {
  const fromCurrent = (event) => event.target === byId('form');
  host.addEventListener('matter-ready', (event) => {
    if (!fromCurrent(event)) return;
    setStatus('statusReady', { title: currentMatter()?.title ?? event.detail.matter.id });
  });
  host.addEventListener('matter-consent', (event) => {
    if (!fromCurrent(event)) return;
    state.consent = event.detail;
    renderPrefill();
  });
  host.addEventListener('matter-prefill', (event) => {
    if (!fromCurrent(event)) return;
    onPrefill(event.detail);
    void renderArchive();
  });
  host.addEventListener('matter-submit', (event) => {
    if (fromCurrent(event)) setStatus('statusSubmitting');
  });
  host.addEventListener('matter-submitted', (event) => {
    if (!fromCurrent(event)) return;
    state.submitted = event.detail;
    setStatus('statusSubmitted', { reference: event.detail.reference });
    trackCase(byId('case-status'), event.detail.reference, event.detail.submission.subject, state.lang);
    renderResult();
    void renderArchive();
    byId('result-panel').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  });
  host.addEventListener('matter-error', (event) => {
    if (!fromCurrent(event)) return;
    setStatus('statusError', { code: event.detail.code, message: event.detail.message ?? '' });
  });
}

// ---------------------------------------------------------------------------------------
// Start

async function getJson(url) {
  const answer = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!answer.ok) throw new Error(`${url}: HTTP ${answer.status}`);
  return answer.json();
}

function watchComponent() {
  // Module scripts run in document order, so the bundle has run by now — unless it failed
  // to load or defines nothing, which is what the notice is for.
  const missing = !customElements.get('matter-form');
  byId('component-missing').hidden = !missing;
  if (!missing) return;
  setStatus('statusMissing');
  void customElements.whenDefined('matter-form').then(() => {
    byId('component-missing').hidden = true;
    void mountForm();
  });
}

async function start() {
  const params = new URLSearchParams(location.search);
  if (LANGS.includes(params.get('lang'))) state.lang = params.get('lang');
  listen(byId('form-host'));
  applyLang();
  watchComponent();

  try {
    const [catalogue, subjects] = await Promise.all([getJson('/catalogue.json'), getJson('/api/__mock/subjects')]);
    state.catalogue = catalogue;
    state.subjects = subjects;
  } catch (error) {
    const problem = byId('load-problem');
    problem.textContent = t('loadFailed', { message: error.message });
    problem.hidden = false;
    return;
  }

  const wanted = params.get('matter');
  state.matterId = state.catalogue.matters.some((m) => m.id === wanted)
    ? wanted
    : (state.catalogue.matters.find((m) => m.id === 'residence-permit') ?? state.catalogue.matters[0])?.id;
  state.subjectId = params.get('subject') ?? '';
  settleSubject();
  applyLang();
  remember();
  void mountForm();

  byId('matter-select').addEventListener('change', (event) => {
    state.matterId = event.target.value;
    settleSubject();
    fillSubjectSelect();
    renderGuide();
    remember();
    void mountForm();
  });
  byId('subject-select').addEventListener('change', (event) => {
    state.subjectId = event.target.value;
    fillSubjectSelect();
    remember();
    void mountForm();
  });
  byId('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
    applyLang();
    remember();
  });
  byId('forget-me').addEventListener('click', () => void forgetMe());
  byId('start-again').addEventListener('click', () => {
    void mountForm();
    byId('main').scrollIntoView({ behavior: 'smooth', block: 'start' });
  });
}

void start();
