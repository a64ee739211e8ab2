/**
 * What `<matter-form>` draws about the archive on this device: the saved draft it offers
 * back, another tab's newer draft, earlier answers that no longer fit the form, and the
 * opt-in for keeping sensitive answers. A chunk of its own, fetched with the archive: a page
 * that keeps nothing on the device never loads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, say, type Locale, type Message } from './i18n.js';
import type { Misfit } from './drafts.js';

const ARCHIVE_TEXT = {
  dismiss: { 'zh-CN': '知道了', en: 'Dismiss' },
  keepSensitive: {
    'zh-CN': '在本设备上保留我的证件号码等敏感信息，下次自动填写（选填）',
    en: 'Keep my sensitive answers, such as ID numbers, on this device to fill in next time (optional)',
  },
  draftFound: {
    'zh-CN': '您在{date}填写过此事项，内容已保存在本设备上。',
    en: 'You started this application on {date}; your answers were saved on this device.',
  },
  draftContinue: { 'zh-CN': '继续填写', en: 'Continue where I left off' },
  draftRestart: { 'zh-CN': '重新开始', en: 'Start again' },
  draftNewer: {
    'zh-CN': '您在另一个窗口或标签页中也修改了这份申请（{date}）。',
    en: 'This application was also changed in another window or tab ({date}).',
  },
  draftLoadNewer: { 'zh-CN': '载入那边的内容', en: 'Load those answers' },
  draftKeepMine: { 'zh-CN': '保留此页的内容', en: 'Keep the answers on this page' },
  misfitsTitle: {
    'zh-CN': '以下之前填写的内容不适用于当前版本的表单，请核对后重新填写：',
    en: 'These earlier answers no longer fit this version of the form; please check them and give them again:',
  },
  keepSensitiveHint: {
    'zh-CN': '其他答案会在本设备上加密保存 180 天，便于下次办理时自动填写。',
    en: 'Your other answers are kept encrypted on this device for 180 days, to fill in your next application.',
  },
} satisfies Record<string, Message>;

export function renderDraftOffer(savedAt: string, lang: Locale, answer: (continueIt: boolean) => void): TemplateResult {
  return html`<div class="notice draft" part="notice draft-offer" role="region" aria-labelledby="matter-draft-found">
    <p id="matter-draft-found">${say(ARCHIVE_TEXT.draftFound, lang, { date: formatDate(savedAt, lang) })}</p>
    <div class="notice-actions">
      <button part="button" type="button" class="primary" @click=${() => answer(true)}>
        ${say(ARCHIVE_TEXT.draftContinue, lang)}
      </button>
      <button part="button" type="button" @click=${() => answer(false)}>${say(ARCHIVE_TEXT.draftRestart, lang)}</button>
    </div>
  </div>`;
}

export function renderNewerDraft(savedAt: string, lang: Locale, answer: (load: boolean) => void): TemplateResult {
  return html`<div class="notice warning draft" part="notice draft-conflict" role="alert">
    <p>${say(ARCHIVE_TEXT.draftNewer, lang, { date: new Date(savedAt).toLocaleString(lang) })}</p>
    <div class="notice-actions">
      <button part="button" type="button" @click=${() => answer(true)}>
        ${say(ARCHIVE_TEXT.draftLoadNewer, lang)}
      </button>
      <button part="button" type="button" @click=${() => answer(false)}>
        ${say(ARCHIVE_TEXT.draftKeepMine, lang)}
      </button>
    </div>
  </div>`;
}

export function renderMisfits(misfits: readonly Misfit[], lang: Locale, dismiss: () => void): TemplateResult {
  return html`<div class="notice warning" part="notice draft-misfits" role="region" aria-labelledby="matter-misfits">
    <p id="matter-misfits">${say(ARCHIVE_TEXT.misfitsTitle, lang)}</p>
    <ul>
      ${misfits.map((m) => html`<li>${m.label}${m.value ? html`：<span class="misfit-value">${m.value}</span>` : nothing}</li>`)}
    </ul>
    <button part="button" type="button" @click=${dismiss}>${say(ARCHIVE_TEXT.dismiss, lang)}</button>
  </div>`;
}

export function renderKeepSensitive(
  checked: boolean,
  lang: Locale,
  disabled: boolean,
  change: (keep: boolean) => void,
): TemplateResult {
  return html`<div class="keep-sensitive" part="keep-sensitive">
    <p class="hint" id="matter-keep-hint">${say(ARCHIVE_TEXT.keepSensitiveHint, lang)}</p>
    <label class="choice">
      <input
        type="checkbox"
        id="matter-keep-sensitive"
        aria-describedby="matter-keep-hint"
        .checked=${checked}
        ?disabled=${disabled}
        @change=${(event: Event) => change((event.target as HTMLInputElement).checked)}
      />
      ${say(ARCHIVE_TEXT.keepSensitive, lang)}
    </label>
  </div>`;
}
