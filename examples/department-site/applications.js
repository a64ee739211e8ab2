// "My applications / 我的办件": every application of the signed-in (synthetic) person kept on
// this device, through `<matter-status>`, with a demo control that moves the mock gateway's
// clock so the cases visibly move on. Nothing here is inline: the page keeps its strict CSP.
import { advanceClock, demoSubject, linkApplications, TRACKING_TEXT, trackingLang } from './tracking.js';

const TEXT = {
  'zh-CN': {
    ...TRACKING_TEXT['zh-CN'],
    skip: '跳到主要内容',
    region: '湖南省 · 长沙市',
    demoBadge: '演示站点：全部为合成数据，不是真实政府网站',
    siteName: '长沙市政务服务网',
    siteMotto: '一网通办 · 网上办理 · 最多跑一次',
    pageTitle: '我的办件 · 长沙市政务服务网（演示）',
    signInTitle: '演示：模拟登录',
    footerDemo: '本页是 matterform 的演示：申请人均为合成数据，办理状态由本机模拟网关提供。',
    loadFailed: '无法读取合成申请人：{message}',
    switchTo: 'English',
  },
  en: {
    ...TRACKING_TEXT.en,
    skip: 'Skip to main content',
    region: 'Changsha, Hunan',
    demoBadge: 'Demo site: all data is synthetic; this is not a real government website',
    siteName: 'Changsha Government Services Online',
    siteMotto: 'One portal · apply online · at most one visit',
    pageTitle: 'My applications · Changsha Government Services Online (demo)',
    signInTitle: 'Demo: simulated sign-in',
    footerDemo:
      'This page demonstrates matterform: the applicants are synthetic, and the statuses come from a mock gateway on this machine.',
    loadFailed: 'Could not load the synthetic applicants: {message}',
    switchTo: '中文',
  },
};

const state = { lang: 'zh-CN', subjects: [], subjectId: '' };
const byId = (id) => document.getElementById(id);

function t(key, params = {}) {
  const template = TEXT[state.lang][key] ?? TEXT['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** `合成申请人甲 (synthetic applicant A): note` → the name in the page's language. */
function subjectName(label) {
  const match = /^(.*?) \((.*?)\)/s.exec(label);
  return match ? (state.lang === 'en' ? match[2] : match[1]) : label;
}

function maskId(id) {
  return id.length <= 8 ? id : id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

function applyLang() {
  document.documentElement.lang = state.lang;
  document.title = t('pageTitle');
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  const toggle = byId('lang-toggle');
  toggle.textContent = t('switchTo');
  toggle.lang = state.lang === 'en' ? 'zh-CN' : 'en';
  trackingLang(state.lang);
  fillSubjects();
}

function fillSubjects() {
  const select = byId('subject-select');
  select.replaceChildren(
    ...state.subjects.map(({ subject, label }) => {
      const option = document.createElement('option');
      option.value = subject.id;
      option.textContent =
        state.lang === 'en'
          ? `${subjectName(label)} (${maskId(subject.id)})`
          : `${subjectName(label)}（${maskId(subject.id)}）`;
      option.selected = subject.id === state.subjectId;
      return option;
    }),
  );
  select.disabled = state.subjects.length === 0;
}

function remember() {
  const params = new URLSearchParams({ subject: state.subjectId, lang: state.lang });
  history.replaceState(null, '', `${location.pathname}?${params}`);
  linkApplications(state.subjectId, state.lang);
  const back = byId('back-link');
  back.href = `./?${new URLSearchParams({ subject: state.subjectId, lang: state.lang })}`;
}

function showSubject() {
  const chosen = state.subjects.find((s) => s.subject.id === state.subjectId);
  if (chosen) byId('applications').subject = demoSubject(chosen.subject);
}

async function start() {
  const params = new URLSearchParams(location.search);
  if (['zh-CN', 'en'].includes(params.get('lang'))) state.lang = params.get('lang');
  applyLang();
  try {
    const answer = await fetch('/api/__mock/subjects', { headers: { Accept: 'application/json' } });
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    state.subjects = await answer.json();
  } catch (error) {
    const problem = byId('load-problem');
    problem.textContent = t('loadFailed', { message: error.message });
    problem.hidden = false;
    return;
  }
  const wanted = params.get('subject');
  state.subjectId = state.subjects.some((s) => s.subject.id === wanted) ? wanted : state.subjects[0]?.subject.id;
  fillSubjects();
  remember();
  showSubject();

  byId('subject-select').addEventListener('change', (event) => {
    state.subjectId = event.target.value;
    remember();
    showSubject();
  });
  byId('lang-toggle').addEventListener('click', () => {
    state.lang = state.lang === 'en' ? 'zh-CN' : 'en';
    applyLang();
    remember();
  });
  byId('advance-clock').addEventListener('click', async () => {
    const note = byId('clock-note');
    try {
      await advanceClock(120);
      await byId('applications').refresh();
      note.textContent = t('demoClockAdvanced');
    } catch (error) {
      note.textContent = error.message;
    }
  });
}

void start();
