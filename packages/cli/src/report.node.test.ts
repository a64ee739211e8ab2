import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { matterform, sampleCatalogue } from './cli.test-helpers.js';
import {
  catalogueFigures,
  connectionImpacts,
  forecastMatter,
  localize,
  rateMatter,
  type ColourReport,
  type ConnectionImpact,
  type Matter,
} from '@matterform/core';
import { loadCatalogueFrom } from '@matterform/core/node';
import type { ReportEntry } from './report.js';
import { escapeHtml, escapeMarkdown } from './report.js';

const catalogue = sampleCatalogue;

const COLOUR_KEYS = ['red', 'orange', 'yellow', 'green'];

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'matterform-report-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of the sample catalogue with one matter changed. */
async function copyWith(id: string, change: (matter: Record<string, unknown>) => void): Promise<string> {
  await cp(catalogue, work, { recursive: true });
  const file = join(work, 'matters', `${id}.json`);
  const matter = JSON.parse(await readFile(file, 'utf8'));
  change(matter);
  await writeFile(file, JSON.stringify(matter, null, 2));
  return work;
}

describe('matterform report', () => {
  it('prints JSON alone to stdout: every matter with a colour, reasons in both languages, and the counts', async () => {
    const result = await matterform('report', 'schemas/catalogue', '--format', 'json');
    expect(result.code).to.equal(0);
    expect(result.stderr).to.equal('');
    const report = JSON.parse(result.stdout) as ColourReport;
    expect(report.matters).to.have.length(13);
    for (const rating of report.matters) {
      expect(COLOUR_KEYS, rating.id).to.include(rating.colour);
      expect(rating.department, rating.id).to.be.a('string');
      for (const stage of ['apply', 'review', 'deliver'] as const) {
        const reasons = rating.stages[stage].reasons;
        expect(reasons.length, `${rating.id} ${stage}`).to.be.at.least(1);
        for (const reason of reasons) expect(reason.message).to.have.all.keys('zh-CN', 'en');
      }
      for (const fix of rating.fixes) expect(fix.message).to.have.all.keys('zh-CN', 'en');
    }
    expect(report.totals).to.have.all.keys(...COLOUR_KEYS);
    expect(Object.values(report.totals).reduce((a, b) => a + b, 0)).to.equal(13);
    for (const colour of COLOUR_KEYS) expect(report.totals[colour as 'red'], colour).to.be.above(0);
    for (const [department, counts] of Object.entries(report.departments)) {
      expect(counts, department).to.have.all.keys(...COLOUR_KEYS);
      const mine = report.matters.filter((m) => m.department === department);
      for (const colour of COLOUR_KEYS) {
        expect(counts[colour as 'red'], `${department} ${colour}`).to.equal(
          mine.filter((m) => m.colour === colour).length,
        );
      }
    }
    const perDepartment = Object.values(report.departments).flatMap((c) => Object.values(c));
    expect(perDepartment.reduce((a, b) => a + b, 0)).to.equal(13);
  });

  it('gives every matter its fill forecast in JSON, and the expected number typed in Markdown and HTML', async () => {
    const { catalogue: loaded } = await loadCatalogueFrom(catalogue);
    const result = await matterform('report', 'schemas/catalogue', '--format', 'json');
    const matters = (JSON.parse(result.stdout) as { matters: ReportEntry[] }).matters;
    for (const entry of matters) {
      const matter = loaded.matters.find((m) => m.id === entry.id);
      expect(matter, entry.id).to.exist;
      expect(entry.forecast, entry.id).to.deep.equal(forecastMatter(matter!, loaded));
    }
    const permit = matters.find((m) => m.id === 'residence-permit') as ReportEntry;
    expect(permit.forecast).to.deep.include({ typed: 1.58, unknown: 0 });
    expect(permit.forecast.fields['/applicant/gender']).to.deep.equal({
      share: 0.9995,
      providers: ['licence:resident-id-card', 'source:mps-population'],
    });

    const md = (await matterform('report', 'schemas/catalogue', '--lang', 'en')).stdout;
    expect(md).to.contain(
      '### Green · Residence permit application (residence-permit)\n\nDepartment: public-security\n\nA first-time applicant is expected to type about 1.58 required field(s)\n',
    );
    expect(md).to.contain(
      'A first-time applicant is expected to type about 3.09 required field(s), and up to 3 more whose data coverage is unknown',
    );
    const html = (await matterform('report', 'schemas/catalogue', '--format', 'html')).stdout;
    expect(html).to.contain('<p>预计首次申请人手工填写约 1.58 个必填字段</p>');
  });

  it('rates each matter in JSON as core rates its file alone, which is what the designer shows while it is designed', async () => {
    const dir = await copyWith('residence-permit', (matter) => {
      const applicant = (matter.schema as { properties: { applicant: { properties: Record<string, object> } } })
        .properties.applicant.properties;
      delete (applicant.birthDate as Record<string, unknown>)['x-concept'];
      delete (applicant.mobile as Record<string, unknown>)['x-concept'];
    });
    const result = await matterform('report', dir, '--format', 'json');
    expect(result.code).to.equal(0);
    const { catalogue: loaded } = await loadCatalogueFrom(dir);
    const entries = (JSON.parse(result.stdout) as { matters: ReportEntry[] }).matters;
    expect(entries).to.have.length(13);
    for (const { forecast, ...rating } of entries) {
      // The matter as a designer opens it: its file parsed afresh, not the loaded catalogue's object.
      const matter = JSON.parse(await readFile(join(dir, 'matters', `${rating.id}.json`), 'utf8')) as Matter;
      expect(JSON.parse(JSON.stringify(rateMatter(matter, loaded))), rating.id).to.deep.equal(rating);
      expect(forecastMatter(matter, loaded), rating.id).to.deep.equal(forecast);
    }
    const permit = entries.find((m) => m.id === 'residence-permit') as ReportEntry;
    expect(permit.stages.apply.colour).to.equal('yellow');
    expect(permit.fixes.map((f) => f.message.en).join('\n')).to.contain('person.mobile');
  });

  it('prints Markdown by default, in the language asked for, worst matters first', async () => {
    const result = await matterform('report', 'schemas/catalogue', '--lang', 'en');
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/^# Four-colour report of matters\n/);
    expect(result.stdout).to.contain(
      '| Red | Orange | Yellow | Green | Total |\n| ---: | ---: | ---: | ---: | ---: |\n| 2 | 3 | 5 | 3 | 13 |',
    );
    expect(result.stdout).to.contain('| public-security | 0 | 1 | 2 | 1 | 4 |');
    expect(result.stdout).to.contain(
      '| Replacement of a household register (household-register-replacement) | public-security | Yellow | Yellow | Yellow | **Yellow** |',
    );
    expect(result.stdout).to.match(/^\d+\. add an output for system certificate-printing$/m);
    const details = result.stdout
      .slice(result.stdout.indexOf('## Matters in detail'))
      .split('\n')
      .filter((line) => line.startsWith('### '));
    expect(details).to.have.length(13);
    expect(details[0]).to.match(/^### Red · /);
    expect(details[12]).to.match(/^### Green · /);

    const zh = await matterform('report', 'schemas/catalogue', '--format', 'md', '--lang', 'zh-CN');
    expect(zh.stdout).to.match(/^# 事项四色评级报告\n/);
    expect(zh.stdout).to.contain('### 绿 · 居住证申领 (residence-permit)');
  });

  it('writes one self-contained HTML page naming every matter, with colours spelt out', async () => {
    const result = await matterform('report', 'schemas/catalogue', '--format', 'html', '--lang', 'en');
    expect(result.code).to.equal(0);
    const html = result.stdout;
    expect(html).to.match(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.to.match(/<script|<link|src=|@import|url\(/i);
    const ids = (await readdir(join(catalogue, 'matters'))).map((name) => name.replace(/\.json$/, ''));
    expect(ids).to.have.length(13);
    for (const id of ids) expect(html, id).to.contain(`<article class="matter" id="matter-${id}"`);
    expect(html).to.contain(
      '<h3 id="matter-residence-permit-title"><span class="label green">Green</span> Residence permit application</h3>',
    );
    expect(html).to.contain('role="img" aria-label="red 2, orange 3, yellow 5, green 3"');
    expect(html).to.contain('<th scope="row">public-security</th>');
    expect(html).to.contain('<li>add an output for system certificate-printing</li>');
    const zh = await matterform('report', 'schemas/catalogue', '--format', 'html');
    expect(zh.stdout).to.match(/<html lang="zh-CN">/);
    expect(zh.stdout).to.contain('居住证申领');
  });

  it('escapes every catalogue text in HTML and Markdown', async () => {
    const dir = await copyWith('residence-permit', (matter) => {
      matter.title = { 'zh-CN': '<script>alert("居住证")</script>', en: 'Permit <img src=x onerror=alert(1)>' };
      matter.department = 'public-security';
    });
    const html = (await matterform('report', dir, '--format', 'html', '--lang', 'zh-CN')).stdout;
    expect(html).not.to.contain('<script>');
    expect(html).to.contain('&lt;script&gt;alert(&quot;居住证&quot;)&lt;/script&gt;');
    const en = (await matterform('report', dir, '--format', 'html', '--lang', 'en')).stdout;
    expect(en).not.to.contain('<img');
    expect(en).to.contain('Permit &lt;img src=x onerror=alert(1)&gt;');
    const md = (await matterform('report', dir, '--lang', 'en')).stdout;
    expect(md).not.to.match(/[^\\]<img/);
    expect(md).to.contain('Permit \\<img src=x onerror=alert(1)\\>');
  });

  it('writes the report to --out and prints only its path', async () => {
    const out = join(work, 'reports', 'colours.html');
    const result = await matterform('report', 'schemas/catalogue', '--format', 'html', '--out', out);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.equal(`${out}\n`);
    expect(await readFile(out, 'utf8')).to.match(/^<!doctype html>/);
    const json = join(work, 'colours.json');
    expect((await matterform('report', 'schemas/catalogue', '--format', 'json', '--out', json)).stdout).to.equal(
      `${json}\n`,
    );
    expect(JSON.parse(await readFile(json, 'utf8')).matters).to.have.length(13);
  });

  it('exits 0 whatever the colours, 2 on bad usage and 1 on an invalid catalogue', async () => {
    const red = await copyWith('residence-permit', (matter) => {
      matter.onsiteVisits = 3;
    });
    const rated = await matterform('report', red, '--format', 'json');
    expect(rated.code).to.equal(0);
    expect(JSON.parse(rated.stdout).totals.red).to.equal(3);

    const badFormat = await matterform('report', 'schemas/catalogue', '--format', 'pdf');
    expect(badFormat.code).to.equal(2);
    expect(badFormat.stderr).to.contain('--format takes md, json, html, not "pdf"');
    expect(badFormat.stdout).to.equal('');
    expect((await matterform('report')).code).to.equal(2);
    expect((await matterform('validate', 'schemas/catalogue', '--format', 'json')).code).to.equal(2);

    const broken = await copyWith('residence-permit', (matter) => {
      (matter.materials as { licences?: string[] }[])[0]!.licences = ['no-such-licence'];
    });
    const invalid = await matterform('report', broken, '--format', 'json', '--lang', 'en');
    expect(invalid.code).to.equal(1);
    expect(invalid.stdout).to.equal('');
    expect(invalid.stderr).to.contain('/materials/0/licences/0: unknown licence type "no-such-licence"');
  });
});

describe('matterform report: the data list, the licence list and what to connect next', () => {
  /** The sample's figures as core computes them, and the provider's title. */
  async function sample() {
    const { catalogue: loaded } = await loadCatalogueFrom(catalogue);
    const figures = catalogueFigures(loaded);
    const impacts = connectionImpacts(loaded, figures);
    const title = (impact: ConnectionImpact) => {
      const [kind, id] = impact.provider.split(':') as [string, string];
      const entry =
        kind === 'source' ? loaded.sources.find((s) => s.id === id) : loaded.licences.find((l) => l.id === id);
      return localize(entry?.title, 'en');
    };
    return { loaded, figures, impacts, title };
  }

  it('lists in Markdown every source by level and every licence type, with coverage, state, users and what connecting the pending ones changes', async () => {
    const { loaded, figures, impacts, title } = await sample();
    expect(impacts.length).to.be.at.least(4);
    const md = (await matterform('report', 'schemas/catalogue', '--lang', 'en')).stdout;
    const order = ['## All matters', '## Data list', '### Ministry level', '### Province level', '### City level'];
    order.push('## Licence list', '## Connect next', '## Matters in detail');
    const at = order.map((heading) => md.indexOf(`${heading}\n`));
    expect(
      at.every((i) => i > 0),
      'every list is there',
    ).to.equal(true);
    expect([...at].sort((a, b) => a - b)).to.deep.equal(at);

    for (const source of loaded.sources) {
      const users = figures.usedBy.get(`source:${source.id}`)?.length ?? 0;
      const coverage = source.coverage === undefined ? 'unknown' : `${Math.round(source.coverage * 100)}%`;
      const row = `| ${localize(source.title, 'en')} (${source.id}) | ${localize(source.provider, 'en')} | ${coverage} | ${source.connected === false ? 'no' : 'yes'} | ${users} |`;
      expect(md, source.id).to.contain(escapeMarkdown(row).replace(/\\\|/g, '|'));
    }
    expect(md).to.contain(
      '| Tobacco retail licence (tobacco-retail-licence) | Changsha Tobacco Monopoly Bureau | person, organisation | unknown | yes |',
    );

    // The connect-next ranking is core's, each provider with its figures.
    const ranking = md.slice(md.indexOf('## Connect next'), md.indexOf('## Matters in detail'));
    impacts.forEach((impact, i) => {
      const changes = impact.changes.map((c) => `${c.from} → ${c.to}: ${c.id}`.toLowerCase());
      const line = ranking.split('\n').find((l) => l.startsWith(`| ${i + 1} | `)) as string;
      expect(line, impact.provider).to.contain(`${title(impact)} (${escapeMarkdown(impact.provider)})`);
      expect(line.toLowerCase(), impact.provider).to.contain(`| ${impact.changes.length}`);
      for (const change of changes) expect(line.toLowerCase(), impact.provider).to.contain(change.replace(/-/g, '-'));
      const t = impact.totals;
      expect(line, impact.provider).to.contain(
        `| ${impact.manualFieldsRemoved} | ${impact.typedRemoved} | red ${t.red}, orange ${t.orange}, yellow ${t.yellow}, green ${t.green} |`,
      );
    });
    // The same figures stand in the data and licence lists, and connected providers have none.
    for (const impact of impacts) {
      const id = impact.provider.split(':')[1] as string;
      const row = md.split('\n').find((l) => l.startsWith(`| ${title(impact)} (${id}) |`)) as string;
      expect(row, impact.provider).to.contain(`| ${impact.manualFieldsRemoved} | ${impact.typedRemoved} |`);
    }
    expect(md).to.contain(
      '| MPS basic population information (mps-population) | Ministry of Public Security | 99% | yes |',
    );
    expect(md).to.match(/\(mps-population\) .* \| — \| — \| — \|\n/);
  });

  it('gives the same lists in the HTML page, each changing matter linked with its colours before and after', async () => {
    const { impacts, title } = await sample();
    const html = (await matterform('report', 'schemas/catalogue', '--format', 'html', '--lang', 'en')).stdout;
    expect(html).not.to.match(/<script|<link|src=|@import|url\(/i);
    for (const id of ['data', 'licences', 'connect-next'])
      expect(html).to.contain(`<section aria-labelledby="${id}"><h2 id="${id}">`);
    // Every header cell says what it heads; every wide table scrolls on a phone and is reachable by keyboard.
    const heads = html.match(/<th[ >][^>]*>/g) ?? [];
    expect(heads.length).to.be.above(50);
    for (const head of heads) expect(head).to.match(/ scope="(col|row)"/);
    // Every table sits in a box of its own that scrolls sideways, so the page never gets wider than a phone.
    const boxed = html.match(/<div class="scroll" role="region" tabindex="0" aria-label(ledby)?="[^"]+">\n<table>/g);
    expect(boxed).to.have.length(html.split('<table>').length - 1);
    for (const id of ['data-ministry', 'data-province', 'data-city'])
      expect(html).to.contain(`aria-labelledby="${id}">\n<table>`);
    // A box that is all of its section is named apart from it: no two landmarks share a name.
    for (const name of ['By department', 'All matters', 'Licence list', 'Connect next'])
      expect(html).to.contain(`aria-label="${name}: table">\n<table>`);
    const ranking = html.slice(html.indexOf('<h2 id="connect-next">'));
    const rows = ranking.split('<tr><td class="count">').slice(1);
    expect(rows).to.have.length(impacts.length);
    impacts.forEach((impact, i) => {
      const [kind, id] = impact.provider.split(':') as [string, string];
      const row = rows[i] as string;
      expect(row, impact.provider).to.match(new RegExp(`^${i + 1}</td>`));
      expect(row, impact.provider).to.contain(`<a href="#${kind}-${id}">${escapeHtml(title(impact))}</a>`);
      expect(row, impact.provider).to.contain(`<p>${impact.changes.length} matter(s) change colour</p>`);
      expect(row, impact.provider).to.contain(
        `<td class="count">${impact.manualFieldsRemoved}</td>\n<td class="count">${impact.typedRemoved}</td>`,
      );
      // The provider's own row in its list names each changing matter, from → to.
      const own = html.slice(html.indexOf(`<tr id="${kind}-${id}">`));
      const ownRow = own.slice(0, own.indexOf('</tr>'));
      for (const change of impact.changes) {
        expect(ownRow, `${impact.provider} ${change.id}`).to.contain(`<a href="#matter-${change.id}">`);
        expect(ownRow).to.contain(
          `<span class="label ${change.from}">${change.from[0]!.toUpperCase()}${change.from.slice(1)}</span> → <span class="label ${change.to}">`,
        );
      }
    });
    const zh = (await matterform('report', 'schemas/catalogue', '--format', 'html')).stdout;
    expect(zh).to.contain('<h2 id="data">数据清单</h2>');
    expect(zh).to.contain('<h2 id="licences">证照清单</h2>');
    expect(zh).to.contain('<h2 id="connect-next">优先对接</h2>');
  });

  it('shows as "colours after" what report says once the top-ranked provider is connected in the files', async () => {
    const { impacts } = await sample();
    const top = impacts[0] as ConnectionImpact;
    const [kind, id] = top.provider.split(':') as ['source' | 'licence', string];
    await cp(catalogue, work, { recursive: true });
    const file = join(work, kind === 'source' ? 'sources.json' : 'licences.json');
    const entries = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
    (entries.find((e) => e.id === id) as Record<string, unknown>)[kind === 'source' ? 'connected' : 'fresh'] = true;
    await writeFile(file, JSON.stringify(entries, null, 2));
    const after = JSON.parse((await matterform('report', work, '--format', 'json')).stdout) as ColourReport;
    const md = (await matterform('report', 'schemas/catalogue', '--lang', 'en')).stdout;
    const t = after.totals;
    expect(md).to.contain(`| 1 | `);
    expect(md.split('\n').find((l) => l.startsWith('| 1 | '))).to.contain(
      `red ${t.red}, orange ${t.orange}, yellow ${t.yellow}, green ${t.green} |`,
    );
    // Once connected, it is no longer pending, and the lists show it so.
    const connectedMd = (await matterform('report', work, '--lang', 'en')).stdout;
    expect(connectedMd.split('\n').filter((l) => l.includes(`(${top.provider})`))).to.deep.equal([]);
  });
});

describe('escapeHtml and escapeMarkdown', () => {
  it('leave no markup', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).to.equal(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeMarkdown('a | b *c* [d](e) <f>\nnext')).to.equal('a \\| b \\*c\\* \\[d\\](e) \\<f\\> next');
  });
});
