// examples/department-site as `matterform serve` serves it: every file the page names loads
// with its content type, the data it fetches is there, and the page keeps to its own strict
// CSP (no inline script or style) and never writes HTML from data. Needs `npm run build`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { repo, startDemo, type Demo } from '../scripts/demo-browser.mjs';

const site = join(repo, 'examples/department-site');

describe('examples/department-site', () => {
  let demo: Demo;
  let html: string;

  before(async () => {
    demo = await startDemo();
    const answer = await fetch(`${demo.url}/`);
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    html = await answer.text();
  });

  after(async () => {
    await demo?.close();
  });

  it('is served at / by `serve` from the repo, with the bundle', () => {
    expect(demo.stdout()).to.match(/^site +http:\/\/127\.0\.0\.1:\d+\/ +\(examples\/department-site\)$/m);
    expect(demo.stdout()).to.match(/^bundle +http:\/\/127\.0\.0\.1:\d+\/matterform\.js +\(dist\)$/m);
  });

  it('loads every script, style sheet and image it names, with the right content type', async () => {
    const urls = [...html.matchAll(/<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls).to.include.members(['/matterform.js', 'site.js', 'site.css', 'emblem.svg']);
    const types: Record<string, string> = {
      js: 'text/javascript; charset=utf-8',
      css: 'text/css; charset=utf-8',
      svg: 'image/svg+xml',
    };
    for (const url of urls) {
      const answer = await fetch(new URL(url, `${demo.url}/`));
      expect(answer.status, url).to.equal(200);
      expect(answer.headers.get('content-type'), url).to.equal(types[url.split('.').pop() ?? '']);
      await answer.arrayBuffer();
    }
  });

  it('finds its data: the catalogue, the synthetic applicants, every matter’s validator', async () => {
    const catalogue = (await (await fetch(`${demo.url}/catalogue.json`)).json()) as {
      matters: { id: string; version: string }[];
    };
    expect(catalogue.matters.map((m) => m.id)).to.include('residence-permit');
    const subjects = (await (await fetch(`${demo.url}/api/__mock/subjects`)).json()) as { label: string }[];
    expect(subjects.length).to.be.greaterThan(0);
    for (const { id, version } of catalogue.matters) {
      const answer = await fetch(`${demo.url}/validators/${id}@${version}.mjs`);
      expect(answer.status, id).to.equal(200);
      expect(await answer.text(), id).to.match(/export/);
    }
  });

  it('keeps to a strict CSP: its own policy, no inline script, style or handler', () => {
    const policy = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).to.contain("script-src 'self'");
    expect(policy).to.contain("style-src 'self'");
    expect(policy).not.to.match(/unsafe-inline|unsafe-eval/);
    for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).to.match(/\bsrc="/);
    expect(html).not.to.match(/<style\b|\sstyle="|\son[a-z]+="/i);
  });

  it('writes data with textContent and DOM calls, never as HTML', async () => {
    const script = await readFile(join(site, 'site.js'), 'utf8');
    expect(script).not.to.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });
});
