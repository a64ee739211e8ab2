// The hand-written pages (docs/*.md) as HTML: marked, with an id on every heading (so a link
// can point at a section) and links between the pages rewritten from `x.md` to `x.html`.
import { Marked } from 'marked';
import { escape, slug } from './layout.mjs';

/** `{ html, title, headings }`: the page's first `#` heading is its title. */
export function renderMarkdown(source) {
  const used = new Set();
  const headings = [];
  let title;
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'link' && /^(?![a-z]+:)[^/]*\.md(#.*)?$/i.test(token.href)) {
        token.href = token.href.replace(/\.md(#|$)/i, '.html$1');
      }
    },
    renderer: {
      heading({ tokens, depth, text }) {
        const inner = this.parser.parseInline(tokens);
        let id = slug(text);
        for (let n = 2; used.has(id); n++) id = `${slug(text)}-${n}`;
        used.add(id);
        if (depth === 1 && title === undefined) title = text.replace(/`/g, '');
        if (depth === 2) headings.push({ id, text });
        return `<h${depth} id="${escape(id)}">${inner}</h${depth}>\n`;
      },
      // A block wider than the page scrolls, so it takes focus to scroll by keyboard.
      code(token) {
        return Object.getPrototypeOf(this)
          .code.call(this, token)
          .replace(/^<pre>/, '<pre tabindex="0">');
      },
      // Wide tables scroll on their own on a phone instead of widening the page.
      table(token) {
        return `<div class="table">${Object.getPrototypeOf(this).table.call(this, token)}</div>`;
      },
    },
  });
  const html = marked.parse(source, { async: false });
  return { html, title, headings };
}
