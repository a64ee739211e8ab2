/**
 * The `matterform` command (SPEC §8). JSON goes alone to stdout; problems go to stderr as
 * `file: /pointer: message`, warnings prefixed `warning:`. Exit 0 success, 1 when what was
 * checked is wrong, 2 on bad usage.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatProblem,
  localize,
  rateCatalogue,
  toLocale,
  type CatalogueLoad,
  type Fixtures,
  type FixturesCheck,
  type BaseLocale as Locale,
  type Problem,
} from '@matterform/core';
import { loadCatalogueFrom, loadFixturesFrom } from '@matterform/core/node';
import { compileMatter, sharedValidatorModule, validatorFileName, type CompiledFile } from './compile.js';
import { prefillReport, PrefillRefused } from './prefill.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from './report.js';
import { isDate } from './gateway.js';
import { startServer } from './serve.js';
import { startDesignServer } from './design.js';
import { matterTypes, type TypedMatter } from './types.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  stdout: (text) => write(process.stdout, text),
  stderr: (text) => write(process.stderr, text),
};

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * A reader that has read enough (`matterform report … | head -1`) closes the pipe. That is
 * its choice, not a fault of ours: the rest of the output is dropped, with no EPIPE stack
 * trace, and the exit code still says what the command found (0, 1 or 2, as documented),
 * so a `pipefail` script gets the same answer whether or not the reader read to the end.
 */
function write(stream: NodeJS.WriteStream, text: string): void {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  if (stream.writable) stream.write(text);
}

const USAGE = `Usage: matterform <command> [options]

Commands:
  validate DIR [--strict] [--summary] [--fixtures FILE]
                                        check a catalogue folder or catalogue JSON file,
                                        and a fixtures file of synthetic subjects against it
  prefill DIR --fixtures FILE --matter ID --subject ID [--today YYYY-MM-DD]
                                        what the form would fill for a synthetic subject,
                                        with every consent given (JSON)
  report DIR [--format md|json|html] [--out FILE]
                                        rate every matter red / orange / yellow / green
                                        (default md; --out writes FILE and prints its path)
  types DIR --out DIR2                  write one <id>.d.ts per matter
  compile DIR --out DIR2 [--self-contained]
                                        write one CSP-safe <id>@<version>.mjs validator per
                                        matter, importing the formats and helpers they
                                        share from matterform-validators-<hash>.mjs beside
                                        them (deploy the folder whole); --self-contained:
                                        each module carries its own copy, no shared file
  serve DIR --fixtures FILE [--port N] [--today YYYY-MM-DD] [--site DIR] [--bundle DIR]
        [--case-step SECONDS]
                                        run the mock gateway at /api and a site at / on
                                        127.0.0.1 (port 8787 by default, 0 for a free one;
                                        site: examples/department-site when it exists),
                                        with /catalogue.json, /matters/<id>.json,
                                        /validators/<id>@<version>.mjs and the browser
                                        bundle (bundle: dist when dist/matterform.js
                                        exists) at /matterform.js; prints the URLs, logs
                                        each call to stderr, stops on Ctrl-C or SIGTERM;
                                        the designer at /designer/ edits an in-browser
                                        copy of the catalogue (nothing on disk changes);
                                        a case moves to its next status every
                                        --case-step seconds (default 120);
                                        examples/plain-html at /examples/plain-html/
  design DIR [--fixtures FILE] [--port N]
                                        run the designer on 127.0.0.1 (port 8788 by
                                        default) over the catalogue folder DIR: drafts
                                        in DIR/drafts/, publishing writes DIR/matters/,
                                        DIR/versions/ and DIR/CHANGELOG.md, refused
                                        while validate finds errors; previews fill from
                                        the fixtures through the mock gateway at /api

Options:
  --lang zh-CN|en   language of messages (default: from LANG, else zh-CN)
  --strict          treat warnings as errors
  --help            show this help
`;

class UsageError extends Error {}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        fixtures: { type: 'string' },
        matter: { type: 'string' },
        subject: { type: 'string' },
        today: { type: 'string' },
        format: { type: 'string' },
        lang: { type: 'string' },
        strict: { type: 'boolean', default: false },
        summary: { type: 'boolean', default: false },
        'self-contained': { type: 'boolean', default: false },
        port: { type: 'string' },
        site: { type: 'string' },
        bundle: { type: 'string' },
        'case-step': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, dir, ...rest] = positionals;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    if (values.lang !== undefined && values.lang !== 'zh-CN' && values.lang !== 'en')
      throw new UsageError(`--lang takes zh-CN or en, not "${values.lang}"`);
    const lang = values.lang ?? toLocale(process.env.LANG?.startsWith('en') ? 'en' : 'zh-CN');
    if (!command) throw new UsageError('a command is required');
    if (!['validate', 'prefill', 'report', 'types', 'compile', 'serve', 'design'].includes(command))
      throw new UsageError(`unknown command "${command}"`);
    if (!dir) throw new UsageError(`${command} needs a catalogue folder or file`);
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    if ((command === 'types' || command === 'compile') && !values.out)
      throw new UsageError(`${command} needs --out DIR`);
    if (values.out !== undefined && !['types', 'compile', 'report'].includes(command))
      throw new UsageError(`${command} takes no --out`);

    if (values.fixtures !== undefined && !['validate', 'prefill', 'serve', 'design'].includes(command))
      throw new UsageError(`${command} takes no --fixtures`);
    if (command === 'prefill') {
      for (const option of ['fixtures', 'matter', 'subject'] as const)
        if (values[option] === undefined) throw new UsageError(`prefill needs --${option}`);
      if (values.today !== undefined && !isDate(values.today))
        throw new UsageError(`--today takes a date YYYY-MM-DD, not "${values.today}"`);
    }
    for (const option of ['matter', 'subject'] as const)
      if (values[option] !== undefined && command !== 'prefill')
        throw new UsageError(`${command} takes no --${option}`);
    if (values.today !== undefined && command !== 'prefill' && command !== 'serve')
      throw new UsageError(`${command} takes no --today`);
    for (const option of ['port', 'site', 'bundle', 'case-step'] as const) {
      if (values[option] !== undefined && command !== 'serve' && !(option === 'port' && command === 'design'))
        throw new UsageError(`${command} takes no --${option}`);
    }
    if (values.format !== undefined && command !== 'report') throw new UsageError(`${command} takes no --format`);
    if (values['self-contained'] && command !== 'compile') throw new UsageError(`${command} takes no --self-contained`);
    const format = values.format ?? 'md';
    if (!REPORT_FORMATS.includes(format as ReportFormat))
      throw new UsageError(`--format takes ${REPORT_FORMATS.join(', ')}, not "${format}"`);
    if (command === 'serve') return await serve(dir, values, lang, io);
    if (command === 'design') return await design(dir, values, lang, io);

    const load = await loadCatalogueFrom(dir);
    let failed = report(load.problems, load.ok, lang, values.strict, io);
    if (command === 'validate') {
      let fixtures: FixturesCheck | undefined;
      if (values.fixtures !== undefined) {
        fixtures = await loadFixturesFrom(values.fixtures, load.catalogue);
        failed = report(fixtures.problems, fixtures.ok, lang, values.strict, io) || failed;
      }
      io.stdout(summary(dir, load, lang, values.summary));
      if (fixtures?.fixtures) io.stdout(fixturesSummary(values.fixtures as string, fixtures.fixtures, lang));
      return failed ? 1 : 0;
    }
    if (failed) return 1;
    if (command === 'prefill') {
      const fixtures = await loadFixturesFrom(values.fixtures as string, load.catalogue);
      if (report(fixtures.problems, fixtures.ok, lang, values.strict, io) || !fixtures.fixtures) return 1;
      try {
        const result = await prefillReport(load.catalogue, fixtures.fixtures, {
          matter: values.matter as string,
          subject: values.subject as string,
          lang,
          ...(values.today !== undefined ? { today: values.today } : {}),
        });
        io.stdout(JSON.stringify(result, null, 2) + '\n');
        return 0;
      } catch (error) {
        if (!(error instanceof PrefillRefused)) throw error;
        io.stderr(`matterform: ${error.message}\n`);
        return 1;
      }
    }
    if (command === 'report') {
      // Exit 0 whatever the colours: a red matter is a finding, not a failure of the command.
      const text = renderReport(rateCatalogue(load.catalogue), load.catalogue, format as ReportFormat, lang);
      if (values.out === undefined) {
        io.stdout(text);
      } else {
        await mkdir(dirname(values.out), { recursive: true });
        await writeFile(values.out, text);
        io.stdout(`${values.out}\n`);
      }
      return 0;
    }
    const out = values.out as string;
    await mkdir(out, { recursive: true });
    // Written once, before the validators that import it; without it none would load.
    let shared: CompiledFile | undefined;
    if (command === 'compile' && !values['self-contained']) {
      try {
        shared = await sharedValidatorModule();
      } catch (error) {
        io.stderr(`matterform: compile: the shared module: ${(error as Error).message}\n`);
        return 1;
      }
      await writeFile(join(out, shared.fileName), shared.text);
      io.stdout(`${join(out, shared.fileName)}\n`);
    }
    let written = 0;
    for (const matter of load.catalogue.matters) {
      const name = command === 'types' ? `${matter.id}.d.ts` : validatorFileName(matter);
      try {
        const text =
          command === 'types'
            ? await matterTypes(matter as TypedMatter)
            : await compileMatter(matter, shared ? { shared: `./${shared.fileName}` } : {});
        await writeFile(join(out, name), text);
        io.stdout(`${join(out, name)}\n`);
        written++;
      } catch (error) {
        // One matter that cannot be generated must not stop the others, nor pass silently.
        io.stderr(`matterform: ${command} ${matter.id}@${matter.version}: ${(error as Error).message}\n`);
      }
    }
    return written === load.catalogue.matters.length ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`matterform: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

const DEFAULT_PORT = 8787;
const DEFAULT_SITE = 'examples/department-site';
const DEFAULT_BUNDLE = 'dist';
/** Static example pages `serve` shows at `/examples/<name>/` when run from the repo. */
const DEFAULT_EXAMPLES: Record<string, string> = { 'plain-html': 'examples/plain-html' };

interface ServeValues {
  fixtures?: string | undefined;
  port?: string | undefined;
  today?: string | undefined;
  site?: string | undefined;
  bundle?: string | undefined;
  'case-step'?: string | undefined;
  strict: boolean;
}

/** `serve`: checks the catalogue and fixtures, then runs until SIGINT or SIGTERM. */
async function serve(dir: string, values: ServeValues, lang: Locale, io: Io): Promise<number> {
  if (values.fixtures === undefined) throw new UsageError('serve needs --fixtures FILE');
  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)
      throw new UsageError(`--port takes a port number 0–65535, not "${values.port}"`);
    port = Number(values.port);
  }
  if (values.today !== undefined && !isDate(values.today))
    throw new UsageError(`--today takes a date YYYY-MM-DD, not "${values.today}"`);
  const caseStep = values['case-step'];
  if (caseStep !== undefined && !/^\d{1,6}$/.test(caseStep))
    throw new UsageError(`--case-step takes a number of seconds, not "${caseStep}"`);
  let site: string | undefined;
  if (values.site !== undefined) {
    if (!(await stat(values.site).catch(() => undefined))?.isDirectory())
      throw new UsageError(`--site: "${values.site}" is not a folder`);
    site = values.site;
  } else if ((await stat(DEFAULT_SITE).catch(() => undefined))?.isDirectory()) {
    site = DEFAULT_SITE;
  }
  let bundle: string | undefined;
  if (values.bundle !== undefined) {
    if (!(await stat(join(values.bundle, 'matterform.js')).catch(() => undefined))?.isFile())
      throw new UsageError(`--bundle: "${values.bundle}" holds no matterform.js (npm run build writes dist/)`);
    bundle = values.bundle;
  } else if ((await stat(join(DEFAULT_BUNDLE, 'matterform.js')).catch(() => undefined))?.isFile()) {
    bundle = DEFAULT_BUNDLE;
  }

  const examples: Record<string, string> = {};
  for (const [name, folder] of Object.entries(DEFAULT_EXAMPLES))
    if ((await stat(folder).catch(() => undefined))?.isDirectory()) examples[name] = folder;

  const load = await loadCatalogueFrom(dir);
  const failed = report(load.problems, load.ok, lang, values.strict, io);
  if (failed) return 1;
  const fixtures = await loadFixturesFrom(values.fixtures, load.catalogue);
  if (report(fixtures.problems, fixtures.ok, lang, values.strict, io) || !fixtures.fixtures) return 1;

  let server;
  try {
    server = await startServer({
      catalogue: load.catalogue,
      fixtures: fixtures.fixtures,
      port,
      ...(values.today !== undefined ? { today: values.today } : {}),
      ...(caseStep !== undefined ? { caseStepSeconds: Number(caseStep) } : {}),
      ...(site !== undefined ? { site } : {}),
      ...(bundle !== undefined ? { bundle } : {}),
      ...((await stat(DEFAULT_DESIGNER_PAGE).catch(() => undefined))?.isDirectory()
        ? { designer: DEFAULT_DESIGNER_PAGE }
        : {}),
      examples,
      log: (line) => io.stderr(line + '\n'),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`matterform: serve: ${code === 'EADDRINUSE' ? `port ${port} is in use` : (error as Error).message}\n`);
    return 1;
  }
  // The gateway line comes last: scripts wait for it to know the server is up.
  io.stdout(
    `site    ${server.url}/${site === undefined ? '' : `  (${site})`}\n` +
      (bundle === undefined ? '' : `bundle  ${server.url}/matterform.js  (${bundle})\n`) +
      `designer ${server.url}/designer/  (in-browser copy)\n` +
      Object.keys(examples)
        .map((name) => `example ${server.url}/examples/${name}/\n`)
        .join('') +
      `gateway ${server.gatewayUrl}\n`,
  );
  await stopSignal();
  await server.close();
  return 0;
}

const DEFAULT_DESIGN_PORT = 8788;
const DEFAULT_DESIGNER_PAGE = 'examples/designer';

/**
 * `design`: the designer over the catalogue folder, until SIGINT or SIGTERM. A catalogue with
 * errors still opens (the designer is where they get fixed); its problems are printed first.
 */
async function design(dir: string, values: ServeValues, lang: Locale, io: Io): Promise<number> {
  let port = DEFAULT_DESIGN_PORT;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)
      throw new UsageError(`--port takes a port number 0–65535, not "${values.port}"`);
    port = Number(values.port);
  }
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new UsageError(`design needs a catalogue folder; "${dir}" is not one`);
  const load = await loadCatalogueFrom(dir);
  report(load.problems, load.ok, lang, false, io);
  let fixtures: Fixtures | undefined;
  if (values.fixtures !== undefined) {
    const check = await loadFixturesFrom(values.fixtures, load.catalogue);
    if (report(check.problems, check.ok, lang, values.strict, io) || !check.fixtures) return 1;
    fixtures = check.fixtures;
  }
  const isFolder = async (path: string) => (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
  const hasBundle = (await stat(join(DEFAULT_BUNDLE, 'matterform-designer.js')).catch(() => undefined))?.isFile();
  let server;
  try {
    server = await startDesignServer({
      dir,
      port,
      ...(fixtures ? { fixtures } : {}),
      ...(hasBundle || (await isFolder(DEFAULT_BUNDLE)) ? { bundle: DEFAULT_BUNDLE } : {}),
      ...((await isFolder(DEFAULT_DESIGNER_PAGE)) ? { page: DEFAULT_DESIGNER_PAGE } : {}),
      log: (line) => io.stderr(line + '\n'),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`matterform: design: ${code === 'EADDRINUSE' ? `port ${port} is in use` : (error as Error).message}\n`);
    return 1;
  }
  if (!hasBundle)
    io.stderr(
      lang === 'en'
        ? 'warning: dist/matterform-designer.js is missing: run npm run build for the designer page\n'
        : 'warning: 缺少 dist/matterform-designer.js：请先运行 npm run build 以使用设计器页面\n',
    );
  // The designer line comes last: scripts wait for it to know the server is up.
  io.stdout(
    `store    ${server.storeUrl}  (${dir})\n` +
      (server.gatewayUrl === undefined ? '' : `gateway  ${server.gatewayUrl}\n`) +
      `designer ${server.designerUrl}\n`,
  );
  await stopSignal();
  await server.close();
  return 0;
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Prints the problems; true when the run has failed (errors, or warnings under --strict). */
function report(problems: Problem[], ok: boolean, lang: Locale, strict: boolean, io: Io): boolean {
  for (const p of problems) io.stderr(formatProblem(strict ? { ...p, severity: 'error' } : p, lang) + '\n');
  return !ok || (strict && problems.length > 0);
}

function fixturesSummary(file: string, fixtures: Fixtures, lang: Locale): string {
  const persons = fixtures.subjects.filter((s) => s.subject.kind === 'person').length;
  const organizations = fixtures.subjects.length - persons;
  return lang === 'en'
    ? `${file}: ${persons} synthetic persons, ${organizations} synthetic organizations\n`
    : `${file}：${persons} 个合成自然人，${organizations} 个合成法人\n`;
}

function summary(dir: string, load: CatalogueLoad, lang: Locale, detailed: boolean): string {
  const { concepts, sources, licences, matters } = load.catalogue;
  const departments = new Set(matters.map((m) => m.department ?? '-'));
  const en = lang === 'en';
  const verdict = load.ok
    ? en
      ? `valid, ${load.warnings.length} warning(s)`
      : `校验通过，${load.warnings.length} 条警告`
    : en
      ? `${load.errors.length} error(s), ${load.warnings.length} warning(s)`
      : `${load.errors.length} 个错误，${load.warnings.length} 条警告`;
  const counts = en
    ? `${matters.length} matters in ${departments.size} departments, ${concepts.length} concepts, ${sources.length} sources (${sources.filter((s) => s.connected !== false).length} connected), ${licences.length} licence types`
    : `${matters.length} 个事项（${departments.size} 个部门），${concepts.length} 个数据元，${sources.length} 个数据源（已对接 ${sources.filter((s) => s.connected !== false).length} 个），${licences.length} 类证照`;
  const lines = [`${dir}: ${counts} — ${verdict}`];
  if (detailed) {
    for (const matter of matters) {
      const materials = matter.materials?.length ?? 0;
      lines.push(
        `  ${matter.id}@${matter.version}  ${matter.department ?? '-'}  ${localize(matter.title as never, lang)}  (${materials} ${en ? 'materials' : '项材料'})`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
