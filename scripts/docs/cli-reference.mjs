// The CLI reference page, from the command itself: `matterform --help` is run and its
// commands and options become the page, and the conventions (streams, exit codes) are the
// doc comment at the head of the CLI's source. A new command or option shows up here at the
// next `npm run docs`; nothing is copied by hand.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escape, inline, table } from './layout.mjs';

/** `{ usage, commands: [{ name, synopsis, description }], options: [{ name, description }] }`. */
export function parseHelp(text) {
  const lines = text.split('\n');
  const usage = lines.find((line) => line.startsWith('Usage:'))?.replace(/^Usage:\s*/, '') ?? '';
  const sections = { commands: [], options: [] };
  let current;
  let entry;
  for (const line of lines) {
    if (/^Commands:/.test(line)) current = sections.commands;
    else if (/^Options:/.test(line)) current = sections.options;
    else if (!current || line.trim() === '') continue;
    else if (/^ {2}\S/.test(line)) {
      const [synopsis, ...rest] = line.trim().split(/\s{2,}/);
      entry = { name: synopsis.split(/\s/)[0], synopsis, description: rest.join(' ') };
      current.push(entry);
    } else if (entry) {
      entry.description = `${entry.description} ${line.trim()}`.trim();
    }
  }
  return { usage, ...sections };
}

/** The CLI's `--help`, run as a person runs it (no test runner's loader). */
export function cliHelp(repo) {
  return execFileSync(process.execPath, [join(repo, 'packages/cli/bin/matterform.js'), '--help'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

/** The first doc comment of the CLI's source, as one paragraph. */
function conventions(repo) {
  const source = readFileSync(join(repo, 'packages/cli/src/cli.ts'), 'utf8');
  const comment = /^\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  return comment
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function cliReferenceBody(repo) {
  const help = parseHelp(cliHelp(repo));
  if (help.commands.length === 0)
    throw new Error('matterform --help listed no commands: the CLI reference would be empty');
  const commands = help.commands
    .map(
      (command) => `<section aria-labelledby="command-${escape(command.name)}">
<h2 id="command-${escape(command.name)}"><code>matterform ${escape(command.name)}</code></h2>
<pre tabindex="0"><code>matterform ${escape(command.synopsis)}</code></pre>
<p>${inline(command.description)}</p>
</section>`,
    )
    .join('\n');
  return `<h1>CLI reference</h1>
<p class="lead">The <code>matterform</code> command, installed with <code>npm install --save-dev matterform</code>
and run with <code>npx matterform</code>. This page is generated from <code>matterform --help</code>.</p>
<pre tabindex="0"><code>${escape(help.usage)}</code></pre>
<p>${inline(conventions(repo))}</p>
<nav aria-label="Commands"><ul>
${help.commands.map((c) => `<li><a href="#command-${escape(c.name)}"><code>${escape(c.name)}</code></a></li>`).join('\n')}
</ul></nav>
${commands}
<h2 id="options">Options for every command</h2>
${table(
  ['option', 'description'],
  help.options.map((o) => [`<code>${escape(o.synopsis)}</code>`, inline(o.description)]),
)}
<p>The mock gateway that <code>serve</code> and <code>design</code> run is described for back-end teams in
<a href="gateway.html">the gateway contract</a>.</p>`;
}
