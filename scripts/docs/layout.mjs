// The frame every page of the documentation site shares: a skip link, the site's name, the
// nav of every page (the current one marked), the page's own content and a footer. Pages are
// plain HTML with relative links, so the site works from any folder of any static host.

/** Text made safe for HTML element content and attribute values. */
export const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** An id for a heading or a table row: lowercase, words joined by hyphens (CJK kept). */
export const slug = (text) =>
  String(text)
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '') || 'section';

/**
 * Inline text from JSDoc or a meta-schema: escaped, with `code` spans kept as code. Nothing
 * else of Markdown is interpreted, so a description can never inject markup.
 */
export const inline = (text) =>
  escape(text ?? '')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\n{2,}/g, '<br /><br />');

/**
 * One whole page. `nav` is `[{ file, title }]` in the order shown; `head` holds the page's own
 * module scripts (relative URLs).
 */
export function page({ file, title, body, nav, head = '', lang = 'en', wide = false }) {
  const links = nav
    .map(
      (entry) =>
        `<li><a href="${escape(entry.file)}"${entry.file === file ? ' aria-current="page"' : ''}>${escape(entry.title)}</a></li>`,
    )
    .join('\n          ');
  return `<!doctype html>
<html lang="${escape(lang)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)} · matterform</title>
    <link rel="stylesheet" href="site.css" />
    <link rel="icon" href="data:," />
    ${head}
  </head>
  <body>
    <a class="skip" href="#main">Skip to content · 跳到正文</a>
    <header class="site">
      <a class="brand" href="index.html">matterform <span lang="zh-CN">· 事项表单</span></a>
      <nav aria-label="Documentation">
        <ul>
          ${links}
        </ul>
      </nav>
    </header>
    <main id="main"${wide ? ' class="wide"' : ''}>
${body}
    </main>
    <footer class="site">
      <p>matterform · Apache-2.0 · built by <code>npm run docs</code> from the repository: the element API, the CLI reference and the catalogue format are generated from the code and the meta-schemas.</p>
    </footer>
  </body>
</html>
`;
}

/** A table with a header row; cells are HTML already. */
export function table(headers, rows, caption) {
  if (rows.length === 0) return '';
  return `<div class="table"><table>
${caption ? `<caption>${caption}</caption>\n` : ''}<thead><tr>${headers.map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((cells) => `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('\n')}
</tbody>
</table></div>`;
}
