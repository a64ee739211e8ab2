// The live examples: pages whose scripts (copied from ./assets) drive the built bundles.
import { escape } from './layout.mjs';

/** What the playground starts with: a plain JSON Schema, the kind rjsf and JSON Forms take. */
export const PLAYGROUND_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Library card',
  type: 'object',
  required: ['name', 'email'],
  properties: {
    name: { type: 'string', title: 'Full name', minLength: 1 },
    email: { type: 'string', title: 'Email', format: 'email' },
    birthDate: { type: 'string', title: 'Date of birth', format: 'date' },
    branch: { type: 'string', title: 'Branch', enum: ['Central', 'Riverside', 'Hillside'] },
    newsletter: { type: 'boolean', title: 'Send me the monthly newsletter' },
  },
};

export const demoPage = {
  file: 'demo.html',
  title: 'Live demo',
  head: '<script type="module" src="matterform.js"></script>\n    <script type="module" src="demo.js"></script>',
  wide: true,
  body: `<h1>Live demo <span lang="zh-CN">· 在线演示</span></h1>
<p class="lead"><code>&lt;matter-form&gt;</code> over the sample catalogue, filled for a synthetic applicant.</p>
<p class="note">This is a static site: there is no gateway here. The form is filled by
<code>staticConnector</code> from the sample fixtures (what the mock gateway would answer, worked out in the
page), and on submit the page shows the submission the form would send instead of sending it. For the real
thing — the mock gateway, signed values, references and the department-site pages — run
<code>npm start</code> in the repository (see <a href="getting-started.html">Getting started</a>). The people
and companies are synthetic.</p>
<div class="controls">
  <label for="matter"><span>Matter <span lang="zh-CN">· 事项</span></span><select id="matter"></select></label>
  <label for="subject"><span>Synthetic applicant <span lang="zh-CN">· 合成申请人</span></span><select id="subject"></select></label>
</div>
<p id="status" role="status"></p>
<matter-form id="form" lang="zh-CN"></matter-form>
<section id="submission-section" aria-labelledby="submission-heading" hidden>
  <h2 id="submission-heading">The submission <span lang="zh-CN">· 提交内容</span></h2>
  <pre id="submission" tabindex="0"></pre>
</section>`,
};

export const designerPage = {
  file: 'designer.html',
  title: 'Designer',
  head: '<script type="module" src="matterform-designer.js"></script>\n    <script type="module" src="designer-page.js"></script>',
  wide: true,
  body: `<h1>Catalogue and designer <span lang="zh-CN">· 目录与设计器</span></h1>
<p class="lead"><code>&lt;matter-catalogue&gt;</code> and <code>&lt;matter-designer&gt;</code> over the sample
catalogue, loaded as JSON beside this page (<code>matterform-designer.js</code>).</p>
<p class="note">Static site: edits live in this page only, and the preview is not filled (no gateway). To save
drafts and publish into a catalogue folder, run <code>npx matterform design DIR --fixtures FILE</code>.</p>
<p id="status" role="status"></p>
<h2 id="catalogue-heading">Catalogue <span lang="zh-CN">· 事项目录</span></h2>
<matter-catalogue id="catalogue" lang="zh-CN"></matter-catalogue>
<h2 id="designer-heading">Designer <span lang="zh-CN">· 设计器</span></h2>
<div class="controls"><label for="matter"><span>Matter <span lang="zh-CN">· 事项</span></span><select id="matter"></select></label></div>
<div class="designer-frame"><matter-designer id="designer" lang="zh-CN"></matter-designer></div>`,
};

export const playgroundPage = {
  file: 'playground.html',
  title: 'Playground',
  head: '<script type="module" src="playground.js"></script>',
  wide: true,
  body: `<h1>Bare JSON Schema playground</h1>
<p class="lead">Paste or edit any JSON Schema: <code>&lt;matter-form&gt;</code> draws it at once through its
<code>schema</code> property — no catalogue, no materials, no providers — validates it the GOV.UK way and
hands over the data on submit.</p>
<div class="playground">
  <div>
    <label for="schema">JSON Schema</label>
    <textarea id="schema" spellcheck="false" autocomplete="off" aria-describedby="schema-error">${escape(JSON.stringify(PLAYGROUND_SCHEMA, null, 2))}</textarea>
    <p id="schema-error" class="error" role="alert"></p>
  </div>
  <div>
    <matter-form id="form" lang="en"></matter-form>
    <section id="data-section" aria-labelledby="data-heading" hidden>
      <h2 id="data-heading">Submitted data</h2>
      <pre id="data" tabindex="0"></pre>
    </section>
  </div>
</div>`,
};
