// <matter-form> over JSON-Schema form samples another project's users wrote (the
// react-jsonschema-form playground, kept outside the repo in ../shared/peer-schemas; see its
// README). Each one, given as it is through the bare `schema` property (SPEC §5), must render
// without an error, give every property that applies to its data a control, and judge the
// data as ajv does.
import { expect, fixture, html } from '@open-wc/testing';
import { compileSchema, getAt, type JsonSchema, type JsonSchemaObject } from '@matterform/core';
import type { MatterForm } from './form/matter-form.js';
import { idFor } from './present.js';
import { unlabelledControls } from './form/form.test-helpers.js';
import './define.js';

interface PeerCase {
  name: string;
  file: string;
  rootIsObject: boolean;
  hasFormData: boolean;
  formats: string[];
  validation: { dialect: string; schemaCompiles: boolean; formDataValid: boolean | null };
}

interface PeerFile {
  schema: JsonSchemaObject;
  formData?: unknown;
}

const FOLDER = '/__peer-schemas/';

async function loadIndex(): Promise<PeerCase[] | undefined> {
  const response = await fetch(`${FOLDER}index.json`);
  if (!response.ok) return undefined;
  return ((await response.json()) as { cases: PeerCase[] }).cases;
}

const cases = await loadIndex();

interface Rendered {
  el: MatterForm;
  errors: { code: string; message: string }[];
  consoleErrors: string[];
}

async function render(schema: JsonSchema, value: unknown): Promise<Rendered> {
  const errors: Rendered['errors'] = [];
  const consoleErrors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args.map(String).join(' '));
    original.apply(console, args);
  };
  const onError = (event: ErrorEvent) => consoleErrors.push(String(event.message));
  window.addEventListener('error', onError);
  try {
    const el = await fixture<MatterForm>(html`<matter-form lang="en"></matter-form>`);
    el.addEventListener('matter-error', (e) => errors.push((e as CustomEvent).detail));
    const settled = new Promise<void>((resolve) => {
      el.addEventListener('matter-ready', () => resolve(), { once: true });
      el.addEventListener('matter-error', () => resolve(), { once: true });
    });
    if (value !== undefined) el.value = value as Record<string, unknown>;
    el.schema = schema;
    await settled;
    await el.updateComplete;
    // The region table and other lazy parts draw on a later frame.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    return { el, errors, consoleErrors };
  } finally {
    console.error = original;
    window.removeEventListener('error', onError);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The subschemas that apply to `data` at one place, found independently of the form's own
 * walker: `$ref` and `allOf` always; `anyOf`/`oneOf` alternatives the data fits (and holds
 * properties of), an `if`'s `then`/`else`, a dependency, when ajv says the data takes that way.
 */
function applicable(root: JsonSchemaObject, schema: JsonSchema | undefined, data: unknown): JsonSchemaObject[] {
  const out: JsonSchemaObject[] = [];
  const holds = (condition: JsonSchema) => {
    const wrapper: JsonSchemaObject = { allOf: [condition] };
    for (const key of ['$schema', '$defs', 'definitions'] as const)
      if (root[key] !== undefined) Object.assign(wrapper, { [key]: root[key] });
    return compileSchema(wrapper)(data).valid;
  };
  const visit = (s: JsonSchema | undefined) => {
    if (!isObject(s) || out.includes(s)) return;
    out.push(s);
    if (typeof s.$ref === 'string') visit(refAt(root, s.$ref));
    for (const part of s.allOf ?? []) visit(part);
    // The form shows the alternatives chosen, offering the others: of an anyOf, those the data
    // fits and holds properties of; of a oneOf, the one it fits holding most; else the first.
    const held = (alternative: JsonSchema) =>
      new Set(
        applicable(root, alternative, undefined).flatMap((a) =>
          Object.keys(a.properties ?? {}).filter((name) => isObject(data) && Object.hasOwn(data, name)),
        ),
      ).size;
    // Where the data fits none yet (nothing typed), the form still offers one: the same rule over all.
    const fitting = (keyword: 'anyOf' | 'oneOf') => {
      const fit = (s[keyword] ?? []).filter((alternative) => holds(alternative));
      return fit.length > 0 || !isObject(data) ? fit : (s[keyword] ?? []);
    };
    const several = fitting('anyOf').filter((alternative) => held(alternative) > 0);
    for (const alternative of several.length > 0 ? several : fitting('anyOf').slice(0, 1)) visit(alternative);
    visit(
      fitting('oneOf').reduce<JsonSchema | undefined>(
        (top, a) => (top === undefined || held(a) > held(top) ? a : top),
        undefined,
      ),
    );
    if (s.if !== undefined) visit(holds(s.if) ? s.then : s.else);
    for (const [name, dependent] of Object.entries({ ...s.dependencies, ...s.dependentSchemas }))
      if (isObject(data) && Object.hasOwn(data, name) && !Array.isArray(dependent)) visit(dependent as JsonSchema);
  };
  visit(schema);
  return out;
}

function refAt(root: JsonSchemaObject, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let at: unknown = root;
  for (const token of ref.slice(1).split('/').slice(1))
    at = isObject(at) ? at[decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return at as JsonSchema | undefined;
}

/**
 * Every place in the data, and every property its schema declares there, that a person should
 * reach, with the schemas that apply to it. Objects are walked into even when absent (the form
 * draws their fields); arrays item by item.
 */
function places(root: JsonSchemaObject, data: unknown): { pointer: string; schemas: JsonSchemaObject[] }[] {
  const out: { pointer: string; schemas: JsonSchemaObject[] }[] = [];
  const visit = (pointer: string, schemas: JsonSchemaObject[], value: unknown, depth: number) => {
    if (depth > 12) return;
    if (pointer !== '') out.push({ pointer, schemas });
    const names = new Set<string>();
    for (const s of schemas) for (const name of Object.keys(s.properties ?? {})) names.add(name);
    if (isObject(value)) for (const name of Object.keys(value)) names.add(name);
    if (isObject(value) || (value === undefined && names.size > 0 && schemas.some((s) => s.properties))) {
      for (const name of names) {
        const child = isObject(value) ? value[name] : undefined;
        const declared = schemas.flatMap((s) => {
          const found: JsonSchema[] = [];
          if (s.properties && Object.hasOwn(s.properties, name)) found.push(s.properties[name] as JsonSchema);
          for (const [pattern, p] of Object.entries(s.patternProperties ?? {}))
            if (new RegExp(pattern, 'u').test(name)) found.push(p);
          if (found.length === 0 && isObject(s.additionalProperties)) found.push(s.additionalProperties);
          return found;
        });
        // A value no schema describes (an undeclared property the object merely tolerates) is
        // kept as it is, but there is nothing to draw for it; a property refused is not one.
        if (declared.length === 0 || declared.includes(false)) continue;
        const childSchemas = declared.flatMap((d) => applicable(root, d, child));
        visit(`${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, childSchemas, child, depth + 1);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const itemSchemas = schemas.flatMap((s) => {
          const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : undefined;
          if (prefix && index < prefix.length) return applicable(root, prefix[index], item);
          const rest = prefix ? (Array.isArray(s.items) ? s.additionalItems : s.items) : s.items;
          return isObject(rest) ? applicable(root, rest as JsonSchema, item) : [];
        });
        visit(`${pointer}/${index}`, itemSchemas, item, depth + 1);
      });
    }
  };
  visit('', applicable(root, root, data), data, 0);
  return out;
}

const within = (pointer: string, ancestor: string) => pointer.startsWith(ancestor + '/');

/**
 * The default a place starts with. A list's default shorter than its `minItems` is made up
 * with the item's default, as the form does: the schema's author asked for both.
 */
function expectedDefault(root: JsonSchemaObject, schemas: JsonSchemaObject[]): unknown {
  const fallback = schemas.find((s) => s.default !== undefined)?.default;
  if (!Array.isArray(fallback)) return fallback;
  const minItems = Math.max(0, ...schemas.map((s) => s.minItems ?? 0));
  const items = schemas.flatMap((s) => (isObject(s.items) ? applicable(root, s.items, undefined) : []));
  const itemDefault = items.find((s) => s.default !== undefined)?.default;
  const list = [...fallback];
  while (itemDefault !== undefined && list.length < minItems) list.push(itemDefault);
  return list;
}

/** Where the person reaches a place: a control, or the fieldset grouping its parts. */
function reach(el: MatterForm, pointer: string): HTMLElement | undefined {
  return el.shadowRoot?.getElementById(idFor('mf', pointer)) ?? undefined;
}

/** The text a person reads in a box for a value. */
const boxText = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Why a control does not show the value it holds, or undefined when it shows it. */
function misshown(control: HTMLElement, value: unknown): string | undefined {
  const root = control.getRootNode() as ShadowRoot;
  // Choices are drawn as one input per option: `<id>`, `<id>-1`, `<id>-2`…
  const siblings = (input: HTMLInputElement) =>
    [...root.querySelectorAll<HTMLInputElement>(`input[type="${input.type}"]`)].filter(
      (i) => i.id === input.id || i.id.startsWith(`${input.id}-`),
    );
  if (control instanceof HTMLSelectElement) {
    const chosen = control.selectedIndex > 0;
    return chosen === (value !== undefined) ? undefined : `select chosen=${chosen} for ${boxText(value)}`;
  }
  if (control instanceof HTMLInputElement && control.type === 'radio') {
    const checked = siblings(control).filter((r) => r.checked).length;
    return checked === (value === undefined ? 0 : 1) ? undefined : `${checked} radios checked for ${boxText(value)}`;
  }
  if (control instanceof HTMLInputElement && control.type === 'checkbox') {
    const boxes = siblings(control);
    if (Array.isArray(value) || boxes.length > 1) {
      const checked = boxes.filter((b) => b.checked).length;
      const expected = Array.isArray(value) ? value.length : 0;
      return checked === expected ? undefined : `${checked} boxes checked for ${boxText(value)}`;
    }
    return control.checked === (value === true) ? undefined : `checked=${control.checked} for ${boxText(value)}`;
  }
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    // Nobody can edit an object or a list as JSON text: its parts need their own controls.
    if (value !== null && typeof value === 'object') return `shows ${boxText(value)} as text`;
    return control.value === boxText(value) ? undefined : `shows "${control.value}" for ${boxText(value)}`;
  }
  return undefined;
}

/** Places no control is expected for, with the reason. */
const HIDDEN: Record<string, Record<string, string>> = {
  'rjsf-null': { '/helpText': 'type "null": nothing to answer, drawn as a note (its title and description)' },
};

/**
 * Cases whose verdict in the form differs from ajv's on `formData`, with the reason. Each of
 * these leaves out `firstName`, which is required and has the default "Chuck": the form puts
 * the default in when the field is first shown (SPEC §3.1; nothing the host set is replaced,
 * as the host set nothing there), so the person sees "Chuck" in the box. Judging the form
 * invalid with "Enter First name" beside a box that says Chuck would contradict what they
 * see; the form judges the data it shows, which ajv finds valid too.
 */
// No case needs the README's other allowance (formats ajv does not know, like `data-url`):
// rjsf-files declares them, but its formData holds no file, so both verdicts agree.
const DEFAULT_FILLS_REQUIRED = {
  valid: true,
  filled: '/firstName',
  why: 'the default "Chuck" fills required firstName',
};
const VERDICT: Record<string, { valid: boolean; filled: string; why: string }> = {
  'rjsf-simple': DEFAULT_FILLS_REQUIRED,
  'rjsf-null': DEFAULT_FILLS_REQUIRED,
  'rjsf-nullable': DEFAULT_FILLS_REQUIRED,
  'rjsf-options': DEFAULT_FILLS_REQUIRED,
};

describe('<matter-form> over peer schemas (react-jsonschema-form playground)', function () {
  if (!cases) {
    it(`skipped: no peer schemas at /__peer-schemas/ (MATTERFORM_PEER_SCHEMAS or ../shared/peer-schemas)`, function () {
      this.skip();
    });
    return;
  }
  for (const peer of cases) {
    it(peer.name, async function () {
      const file = (await (await fetch(FOLDER + peer.file)).json()) as PeerFile;
      const given = peer.hasFormData ? structuredClone(file.formData) : undefined;
      const { el, errors, consoleErrors } = await render(structuredClone(file.schema), given);
      expect(errors, 'matter-error').to.deep.equal([]);
      expect(consoleErrors, 'console errors').to.deep.equal([]);
      // The form holds a root that is not an object under the property `value` (its README),
      // and draws it there: the places and the controls are looked for in what it holds.
      const root = el.matter?.schema as JsonSchemaObject;
      const hold = (v: unknown) => (peer.rootIsObject ? v : v === undefined ? {} : { value: v });
      const value = hold(given) as Record<string, unknown> | undefined;
      const data = hold(el.value) as Record<string, unknown>;
      if (!peer.rootIsObject) expect(Object.keys(root.properties ?? {}), 'held under value').to.deep.equal(['value']);
      const unreachable: string[] = [];
      const wrong: string[] = [];
      let covered = '\u0000';
      const defaults: string[] = [];
      let defaulted = '\u0000';
      for (const { pointer, schemas } of places(root, data)) {
        // SPEC §3.1: a default goes into the data when its field is first shown, unless the
        // host set a value there (or its place came with a default of the whole list or object).
        const fallback = expectedDefault(root, schemas);
        if (fallback !== undefined && getAt(value ?? {}, pointer) === undefined && !within(pointer, defaulted)) {
          defaulted = pointer;
          const shown = getAt(data, pointer);
          if (JSON.stringify(shown) !== JSON.stringify(fallback)) defaults.push(`${pointer}: ${boxText(shown)}`);
        }
        // Inside a control that holds a whole value (checkboxes of a list, a select of objects).
        if (pointer.startsWith(covered + '/')) continue;
        if (HIDDEN[peer.name]?.[pointer]) continue;
        const found = reach(el, pointer);
        if (!found) unreachable.push(pointer);
        else if (found.localName !== 'fieldset') {
          covered = pointer;
          const problem = misshown(found, getAt(data, pointer));
          if (problem) wrong.push(`${pointer}: ${problem}`);
        }
      }
      expect(unreachable, 'places with no control').to.deep.equal([]);
      expect(wrong, 'controls not showing their value').to.deep.equal([]);
      expect(defaults, 'fields first shown without their default').to.deep.equal([]);
      expect(unlabelledControls(el), 'controls without a label').to.deep.equal([]);
      await expect(el).to.be.accessible();
      const exception = VERDICT[peer.name];
      if (exception) {
        // Only the default differs: absent from formData, there now, and ajv agrees on the data shown.
        expect(getAt(value, exception.filled), exception.why).to.equal(undefined);
        expect(getAt(data, exception.filled), exception.why).to.not.equal(undefined);
        expect(compileSchema(root)(data).valid, exception.why).to.equal(exception.valid);
      }
      const expected = exception?.valid ?? peer.validation.formDataValid;
      if (expected !== null) expect(el.checkValidity(), 'checkValidity()').to.equal(expected);
    });
  }
});
