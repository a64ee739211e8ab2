// Case tracking on the department site (SPEC §5 `<matter-status>`): the confirmation follows
// the case just submitted, and the "my applications" page (applications.html) lists every
// application of the signed-in person kept on this device. Shared by both pages; data reaches
// the page through attributes, properties and textContent only.

export const TRACKING_TEXT = {
  'zh-CN': {
    trackTitle: '办理进度',
    trackHint: '状态来自政务服务网关；演示网关每 2 分钟推进一步：已接收 → 已受理 → 审查中 → 已办结。',
    myApplications: '我的办件',
    myApplicationsLink: '查看我的全部办件',
    applicationsTitle: '我的办件',
    applicationsIntro: '您在本设备上提交过的申请：等待发送的和已发送的，每件都可以查询办理状态。',
    applicationsSubject: '申请人（模拟登录）',
    applicationsBack: '返回在线办理',
    demoClockTitle: '演示：推进网关时钟',
    demoClockHint: '模拟网关按时间推进办件状态。不想等待时，可让时钟前进 2 分钟，再刷新状态。',
    demoClockAdvance: '时钟前进 2 分钟',
    demoClockAdvanced: '模拟网关的时钟已前进 2 分钟，状态已刷新。',
  },
  en: {
    trackTitle: 'Progress',
    trackHint:
      'The status comes from the service gateway; the demo gateway moves a case on every 2 minutes: received → accepted → in review → decided.',
    myApplications: 'My applications',
    myApplicationsLink: 'See all my applications',
    applicationsTitle: 'My applications',
    applicationsIntro:
      'The applications you submitted on this device — waiting to be sent, and sent — each with its status.',
    applicationsSubject: 'Applicant (simulated sign-in)',
    applicationsBack: 'Back to applying online',
    demoClockTitle: 'Demo: move the gateway’s clock',
    demoClockHint:
      'The mock gateway moves cases along with time. Rather than wait, move its clock on 2 minutes, then refresh the statuses.',
    demoClockAdvance: 'Move the clock on 2 minutes',
    demoClockAdvanced: 'The mock gateway’s clock has moved on 2 minutes; the statuses are refreshed.',
  },
};

/** The demo login of a synthetic subject, as the form gets it. */
export function demoSubject(subject) {
  return { kind: subject.kind, id: subject.id, token: `demo:${subject.id}` };
}

/** The confirmation's tracker follows the case just submitted. */
export function trackCase(tracker, reference, subject, lang) {
  if (!tracker) return;
  tracker.setAttribute('lang', lang);
  tracker.subject = demoSubject(subject);
  tracker.setAttribute('reference', reference);
}

/** The language of a tracker: its attribute, which it watches. */
export function trackingLang(lang) {
  for (const tracker of document.querySelectorAll('matter-status')) tracker.setAttribute('lang', lang);
}

/** The "my applications" links for the person signed in and the page's language. */
export function linkApplications(subjectId, lang) {
  const query = new URLSearchParams({ ...(subjectId ? { subject: subjectId } : {}), lang });
  for (const link of document.querySelectorAll('a[data-applications]')) link.href = `applications.html?${query}`;
}

/** Moves the mock gateway's clock for every case on (`POST /api/__mock/advance`, a demo control). */
export async function advanceClock(seconds) {
  const answer = await fetch('/api/__mock/advance', { method: 'POST', body: JSON.stringify({ seconds }) });
  if (!answer.ok) throw new Error(`/api/__mock/advance: HTTP ${answer.status}`);
}
