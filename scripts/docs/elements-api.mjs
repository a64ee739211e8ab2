// The element API page, from the custom-elements.json manifests the analyzer writes from the
// elements' JSDoc: each public element's properties, attributes, methods, events (with their
// detail), parts, CSS custom properties and slots. Nothing here is written by hand, so the
// page says what the code says.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escape, inline, table } from './layout.mjs';

/** The public elements of each package (SPEC §5, §10); the designer's panels are internal. */
export const PUBLIC_ELEMENTS = {
  elements: ['matter-form', 'matter-materials'],
  designer: ['matter-designer', 'matter-catalogue'],
};

const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** Reads the manifests; throws an Error that says how to make them when one is missing. */
export function readManifests(repo) {
  return Object.keys(PUBLIC_ELEMENTS).map((pkg) => {
    const file = join(repo, 'packages', pkg, 'custom-elements.json');
    if (!existsSync(file)) {
      throw new Error(
        `packages/${pkg}/custom-elements.json is missing: the element API page is generated from it. ` +
          `Run \`npm run build\` (it writes the manifests), or in packages/${pkg}: ` +
          `npx cem analyze --litelement --globs 'src/**/*.ts' --exclude 'src/**/*.test.ts'`,
      );
    }
    return { pkg, manifest: JSON.parse(readFileSync(file, 'utf8')) };
  });
}

/**
 * Each public element's declaration: the ones named above (their tag from the manifest, or
 * from the class name where the analyzer did not see the define call), then any other element
 * the manifest names a tag for — a new element shows up without a change here — except the
 * designer's panels (`matter-designer-…`), which are its insides.
 */
export function publicElements(manifests) {
  const found = [];
  for (const { pkg, manifest } of manifests) {
    const declarations = manifest.modules.flatMap((module) =>
      (module.declarations ?? []).map((declaration) => ({ module, declaration })),
    );
    for (const tag of PUBLIC_ELEMENTS[pkg]) {
      const hit = declarations.find(
        ({ declaration }) => declaration.customElement && (declaration.tagName ?? kebab(declaration.name)) === tag,
      );
      if (!hit) throw new Error(`packages/${pkg}/custom-elements.json has no <${tag}>: is its class documented?`);
      found.push({ pkg, tag, ...hit });
    }
    for (const hit of declarations) {
      const tag = hit.declaration.tagName;
      if (!hit.declaration.customElement || !tag || tag.startsWith('matter-designer-')) continue;
      if (!found.some((f) => f.tag === tag)) found.push({ pkg, tag, ...hit });
    }
  }
  return found;
}

const typeOf = (item) => (item.type?.text ? `<code>${escape(item.type.text)}</code>` : '');
const isPublic = (member) =>
  member.privacy !== 'private' &&
  member.privacy !== 'protected' &&
  !member.name.startsWith('_') &&
  !member.name.startsWith('#');

/** The detail's type as the manifest names it, and the `{ … }` shape its JSDoc ends with. */
function eventDetail(event) {
  const typed = /^CustomEvent<(.+)>$/s.exec(event.type?.text ?? '')?.[1];
  const shape = /`(\{[^`]*\})`\s*$/.exec(event.description ?? '')?.[1];
  return [typed, shape]
    .filter(Boolean)
    .map((text) => `<code>${escape(text)}</code>`)
    .join('<br />');
}
const withoutDetail = (description) => (description ?? '').replace(/\s*`\{[^`]*\}`\s*$/, '');

function elementSection({ pkg, tag, declaration: d }) {
  const id = tag;
  const members = (d.members ?? []).filter(isPublic);
  const fields = members.filter((m) => m.kind === 'field' && !m.static);
  const statics = members.filter((m) => m.kind === 'field' && m.static && m.description);
  const methods = members.filter((m) => m.kind === 'method' && m.description && !/Callback$/.test(m.name));
  const attributeOf = new Map((d.attributes ?? []).filter((a) => a.fieldName).map((a) => [a.fieldName, a.name]));
  const heading = (sub, text) => `<h3 id="${id}-${sub}">${text}</h3>`;
  const parts = [
    `<section aria-labelledby="${id}">`,
    `<h2 id="${id}"><code>&lt;${escape(tag)}&gt;</code></h2>`,
    `<p class="meta">Package <code>@matterform/${escape(pkg)}</code> · class <code>${escape(d.name)}</code></p>`,
    d.summary ? `<p class="lead">${inline(d.summary)}</p>` : '',
    d.description ? `<p>${inline(d.description)}</p>` : '',
  ];
  if (fields.length) {
    parts.push(
      heading('properties', 'Properties'),
      table(
        ['property', 'attribute', 'type', 'default', 'description'],
        fields.map((f) => [
          `<code>${escape(f.name)}</code>${f.readonly ? ' <span class="tag">read-only</span>' : ''}`,
          attributeOf.has(f.name) ? `<code>${escape(attributeOf.get(f.name))}</code>` : '',
          typeOf(f),
          f.default ? `<code>${escape(f.default)}</code>` : '',
          inline(f.description),
        ]),
      ),
    );
  }
  if (statics.length) {
    parts.push(
      heading('static', 'Static properties'),
      table(
        ['property', 'type', 'description'],
        statics.map((f) => [`<code>${escape(`${d.name}.${f.name}`)}</code>`, typeOf(f), inline(f.description)]),
      ),
    );
  }
  if (d.attributes?.length) {
    parts.push(
      heading('attributes', 'Attributes'),
      table(
        ['attribute', 'property', 'type', 'description'],
        d.attributes.map((a) => [
          `<code>${escape(a.name)}</code>`,
          a.fieldName ? `<code>${escape(a.fieldName)}</code>` : '',
          typeOf(a),
          inline(a.description ?? fields.find((f) => f.name === a.fieldName)?.description),
        ]),
      ),
    );
  }
  if (methods.length) {
    parts.push(
      heading('methods', 'Methods'),
      table(
        ['method', 'returns', 'description'],
        methods.map((m) => [
          `<code>${escape(m.name)}(${escape((m.parameters ?? []).map((p) => p.name).join(', '))})</code>`,
          m.return?.type?.text ? `<code>${escape(m.return.type.text)}</code>` : '',
          inline(m.description),
        ]),
      ),
    );
  }
  if (d.events?.length) {
    parts.push(
      heading('events', 'Events'),
      `<p>Every event bubbles and is composed; its data is in <code>event.detail</code>.</p>`,
      table(
        ['event', 'detail', 'description'],
        d.events
          .filter((e) => e.name)
          .map((e) => [
            `<code id="${id}-event-${escape(e.name)}">${escape(e.name)}</code>`,
            eventDetail(e),
            inline(withoutDetail(e.description)),
          ]),
      ),
    );
  }
  if (d.cssParts?.length) {
    parts.push(
      heading('parts', 'CSS parts'),
      `<p>Style them from the page with <code>${escape(tag)}::part(name)</code>.</p>`,
      table(
        ['part', 'description'],
        d.cssParts.map((p) => [`<code>${escape(p.name)}</code>`, inline(p.description)]),
      ),
    );
  }
  if (d.cssProperties?.length) {
    parts.push(
      heading('css-properties', 'CSS custom properties'),
      table(
        ['custom property', 'default', 'description'],
        d.cssProperties.map((p) => [
          `<code>${escape(p.name)}</code>`,
          p.default ? `<code>${escape(p.default)}</code>` : '',
          inline(p.description),
        ]),
      ),
    );
  }
  parts.push(heading('slots', 'Slots'));
  parts.push(
    d.slots?.length
      ? table(
          ['slot', 'description'],
          d.slots.map((s) => [s.name ? `<code>${escape(s.name)}</code>` : '(default)', inline(s.description)]),
        )
      : '<p>None: everything is drawn in the element’s shadow root, from its properties.</p>',
  );
  parts.push('</section>');
  return parts.filter(Boolean).join('\n');
}

/** The page's body. */
export function elementsApiBody(manifests) {
  const elements = publicElements(manifests);
  const toc = elements
    .map(
      ({ tag, pkg }) =>
        `<li><a href="#${tag}"><code>&lt;${escape(tag)}&gt;</code></a> · <code>@matterform/${escape(pkg)}</code></li>`,
    )
    .join('\n');
  return `<h1>Element API</h1>
<p class="lead">Generated from <code>custom-elements.json</code> of <code>@matterform/elements</code> and
<code>@matterform/designer</code>, which the analyzer writes from the elements’ own JSDoc. IDEs, Storybook and
framework wrappers read the same files (the <code>customElements</code> field of each package.json).</p>
<nav aria-label="Elements"><ul>
${toc}
</ul></nav>
${elements.map(elementSection).join('\n')}`;
}
