// The catalogue format page, from the meta-schemas in schemas/ (JSON Schema 2020-12): every
// object they define — each file's root, each `$defs` entry and each object written inline
// inside them — as a table of its properties with type, whether required, description and
// constraints (pattern, enum, format, bounds). `$ref`s become links to the object they name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escape, inline, table } from './layout.mjs';

/** In reading order: the catalogue, what it holds, then the fixtures of the mock gateway. */
export const META_SCHEMAS = ['catalogue', 'concept', 'source', 'licence', 'matter', 'fixtures'];

const anchor = (file, path) => [file, ...path].join('-').replace(/[^A-Za-z0-9-]+/g, '-');

/** The anchor a `$ref` from `file` names, or undefined for one outside the meta-schemas. */
function refAnchor(ref, file) {
  const [target, fragment = ''] = ref.split('#');
  const name = target ? /^([a-z]+)\.schema\.json$/.exec(target)?.[1] : file;
  if (!name || !META_SCHEMAS.includes(name)) return undefined;
  const def = /^\/\$defs\/([^/]+)$/.exec(fragment)?.[1];
  if (fragment && !def) return undefined;
  return def ? anchor(name, ['defs', def]) : anchor(name, []);
}

const code = (value) => `<code>${escape(typeof value === 'string' ? value : JSON.stringify(value))}</code>`;

/**
 * The type of `schema` as HTML; objects with properties written inline are queued in `inner`
 * to get a table of their own, and named by a link to it.
 */
function typeOf(schema, ctx, path) {
  if (schema === true) return 'anything';
  if (schema === false || schema === undefined) return '';
  if (schema.$ref) {
    const to = refAnchor(schema.$ref, ctx.file);
    const name = schema.$ref.replace(/^.*\//, '').replace(/\.schema\.json$/, '');
    return to ? `<a href="#${to}">${escape(name)}</a>` : code(schema.$ref);
  }
  if (schema.const !== undefined) return code(schema.const);
  if (schema.enum) return schema.enum.map(code).join(' | ');
  for (const key of ['oneOf', 'anyOf']) {
    if (schema[key]) return schema[key].map((s, i) => typeOf(s, ctx, [...path, `${key}${i}`])).join(' or ');
  }
  const types = [schema.type ?? (schema.properties ? 'object' : undefined)].flat().filter(Boolean);
  const shown = types.map((type) => {
    if (type === 'array') return schema.items ? `array of ${typeOf(schema.items, ctx, [...path, 'items'])}` : 'array';
    if (type === 'object') {
      if (schema.properties) {
        const to = anchor(ctx.file, path);
        ctx.inner.push({ path, schema });
        return `<a href="#${to}">object</a>`;
      }
      if (schema.additionalProperties && schema.additionalProperties !== true) {
        return `map of ${typeOf(schema.additionalProperties, ctx, [...path, 'values'])}`;
      }
      return 'object';
    }
    return type;
  });
  return shown.join(' or ') || (schema.allOf ? 'see description' : 'any JSON');
}

function constraints(schema) {
  if (typeof schema !== 'object' || schema === null) return [];
  const out = [];
  if (schema.pattern) out.push(`pattern ${code(schema.pattern)}`);
  if (schema.format) out.push(`format ${code(schema.format)}`);
  for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'maxLength', 'minItems', 'maxItems']) {
    if (schema[key] !== undefined) out.push(`${key} ${code(schema[key])}`);
  }
  if (schema.uniqueItems) out.push('unique items');
  if (schema.default !== undefined) out.push(`default ${code(schema.default)}`);
  if (schema.propertyNames?.pattern) out.push(`keys match ${code(schema.propertyNames.pattern)}`);
  const items = schema.items;
  if (items && typeof items === 'object' && !items.$ref && !items.properties) {
    out.push(...constraints(items).map((c) => `each: ${c}`));
  }
  return out;
}

function objectTable(schema, ctx, path, title) {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([name, property]) => [
    `<code>${escape(name)}</code>`,
    typeOf(property, ctx, [...path, name]),
    required.has(name) ? 'yes' : '',
    [inline(property.description), ...constraints(property)].filter(Boolean).join('<br />'),
  ]);
  const more =
    schema.additionalProperties === false
      ? '<p class="meta">No other properties.</p>'
      : schema.additionalProperties && schema.additionalProperties !== true
        ? `<p class="meta">Other keys: ${typeOf(schema.additionalProperties, ctx, [...path, 'values'])}.</p>`
        : '';
  return `<section aria-labelledby="${anchor(ctx.file, path)}">
<h3 id="${anchor(ctx.file, path)}">${title}</h3>
${schema.description ? `<p>${inline(schema.description)}</p>` : ''}
${table(['property', 'type', 'required', 'description'], rows)}
${more}
</section>`;
}

function schemaSection(file, schema) {
  const ctx = { file, inner: [] };
  const blocks = [];
  const root = anchor(file, []);
  blocks.push(`<section aria-labelledby="${root}">
<h2 id="${root}">${escape(schema.title ?? file)} <small><code>schemas/${escape(file)}.schema.json</code></small></h2>
${schema.description ? `<p class="lead">${inline(schema.description)}</p>` : ''}
${
  schema.properties
    ? table(
        ['property', 'type', 'required', 'description'],
        Object.entries(schema.properties).map(([name, property]) => [
          `<code>${escape(name)}</code>`,
          typeOf(property, ctx, [name]),
          (schema.required ?? []).includes(name) ? 'yes' : '',
          [inline(property.description), ...constraints(property)].filter(Boolean).join('<br />'),
        ]),
      )
    : ''
}`);
  for (const [name, def] of Object.entries(schema.$defs ?? {})) {
    const path = ['defs', name];
    if (def.properties)
      blocks.push(
        objectTable(def, ctx, path, `${escape(def.title ?? name)} <small>(<code>$defs/${escape(name)}</code>)</small>`),
      );
    else {
      blocks.push(`<section aria-labelledby="${anchor(file, path)}">
<h3 id="${anchor(file, path)}">${escape(def.title ?? name)} <small>(<code>$defs/${escape(name)}</code>)</small></h3>
<p>${typeOf(def, ctx, [...path, 'value'])}${def.description ? ` — ${inline(def.description)}` : ''}</p>
${constraints(def).length ? `<p class="meta">${constraints(def).join(' · ')}</p>` : ''}
</section>`);
    }
  }
  // Inline objects found while writing the tables above, and those found inside them.
  for (let i = 0; i < ctx.inner.length; i++) {
    const { path, schema: inner } = ctx.inner[i];
    const where = path.filter((p) => p !== 'defs' && p !== 'items' && p !== 'values').join('.');
    blocks.push(
      objectTable(inner, ctx, path, `<code>${escape(where)}</code>${inner.title ? ` · ${escape(inner.title)}` : ''}`),
    );
  }
  blocks.push('</section>');
  return blocks.join('\n');
}

export function catalogueFormatBody(repo) {
  const schemas = META_SCHEMAS.map((name) => ({
    name,
    schema: JSON.parse(readFileSync(join(repo, 'schemas', `${name}.schema.json`), 'utf8')),
  }));
  return `<h1>Catalogue format</h1>
<p class="lead">A catalogue is four lists — concepts (数据元), sources (数据清单), licences (证照清单) and matters
(事项) — kept as a folder (<code>concepts.json</code>, <code>sources.json</code>, <code>licences.json</code>,
<code>matters/*.json</code>) or one JSON object. This page is generated from the meta-schemas in
<code>schemas/</code> (JSON Schema 2020-12), which <code>matterform validate</code> checks against; the fixtures
file of synthetic applicants for the mock gateway is last.</p>
<nav aria-label="Meta-schemas"><ul>
${schemas.map(({ name, schema }) => `<li><a href="#${anchor(name, [])}">${escape(schema.title ?? name)}</a> · <code>${name}.schema.json</code></li>`).join('\n')}
</ul></nav>
${schemas.map(({ name, schema }) => schemaSection(name, schema)).join('\n')}`;
}
