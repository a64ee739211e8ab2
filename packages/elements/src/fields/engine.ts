/**
 * The field engine: every field-level node of a step — leaves, groups, lists and their
 * items, choosers, extra keys — drawn as plain DOM and patched in place, kept by pointer
 * between renders. lit draws the page around them; the element places the nodes this gives
 * it into the step's section. A widget's own way of drawing (`draw`, or `render` mounted
 * inside its field) never changes how anything around it is drawn.
 *
 * Why not lit for fields too: a 1,000-field form drawn with templates pays a cloned fragment,
 * markers and parts per field, and a keystroke compares them all; here a field is drawn again
 * only when what it shows changed, and one field can be redrawn alone between renders.
 */
import {
  canAddItem,
  getAt,
  itemSchemaAt,
  joinPointer,
  listRules,
  localize,
  mergedSchema,
  objectSchemaOf,
  type FieldInfo,
  type JsonSchemaObject,
  type ListRules,
  type Locale,
  type Text,
} from '@matterform/core';
import { nothing, type CSSResultGroup } from 'lit';
import { ERROR_PREFIX, say } from '../i18n/say.js';
import { fieldMessages as T } from '../i18n/fields.js';
import { useRareKinds, within, type FormState } from '../form/form-state.js';
import { idFor, optionsOf, schemaText } from '../present.js';
import type { Widget, WidgetRegistry } from '../widgets/widget.js';
import { drawButton, drawButtons } from './buttons.js';
import { errorLine } from './chrome.js';
import { drawGroup } from './group.js';
import { drawLeaf, type DrawFrame, type LeafShown } from './leaf.js';
import { itemButtons } from './list.js';
import { make } from './plain-dom.js';
import { FieldSlots, type Drawing } from './slots.js';
import { chunk } from '../chunk.js';

/** What the form is, for one render: read once, not once per field. */

/** The rare kinds' chunk (rare-kinds.ts). */
export const loadRareKinds = chunk(() =>
  import('./rare-kinds.js').then((kinds) => {
    useRareKinds(kinds.rareKindsState);
    return kinds;
  }),
);

/** Whether a schema (its JSON text) has a field kind of the rare-kinds chunk: alternatives to choose, or keys to add. */
export function needsRareKinds(schemaJson: string): boolean {
  return /"(oneOf|anyOf|patternProperties)"|"additionalProperties":\{/.test(schemaJson);
}

export interface FieldLook {
  widgets: WidgetRegistry;
  readonly: boolean;
  disabled: boolean;
  /** The gateway's messages, each shown beside its field until the field is edited. */
  serverErrors: readonly { pointer: string; message: Text }[];
  /** Changes when every field must be drawn again (a reset, a draft restored). */
  epoch: number;
  /** Per field, changes when it must be drawn again though its value did not (a locked value put back). */
  redraws: ReadonlyMap<string, number>;
}

/** What the engine needs of the element: a narrow window onto it, no more. */
export interface FieldHost {
  /** `this` in a template widget's listeners; its shadow root holds the fields. */
  readonly element: HTMLElement;
  /** The person's edit of one value. */
  edit(pointer: string, value: unknown): void;
  /** A verb of the state changed the value at `pointer` (a list, an extra key, a choice): tell, settle, draw. */
  changed(pointer: string): void;
  /** Draws again with nothing changed (a refused choice put back). */
  update(): void;
  /** Runs `then` once the next render is on the page. */
  afterUpdate(then: () => void): void;
  /** The styles a widget brings, for the form's shadow root. */
  adopt(styles: CSSResultGroup): void;
}

/** What the rare kinds' chunk draws an object's choices and undeclared entries with: the engine's parts, for one render. */
export interface EngineParts {
  frame: DrawFrame;
  host: FieldHost;
  slots: FieldSlots;
  /** A name refused for an object's new entry, to say so. */
  refused: Map<string, string>;
  /** Draws a list field, labelled by its name. */
  list(field: FieldInfo, pointer: string): Drawing;
  /** Draws a field of one control, labelled by its name, optional. */
  leaf(field: FieldInfo, pointer: string): Drawing;
  /** Focuses what `find` finds once the next render is on the page. */
  focus(find: (root: ParentNode) => HTMLElement | null | undefined): void;
}

export class FieldEngine {
  readonly #host: FieldHost;
  readonly #slots = new FieldSlots();
  /** Set by `begin`: what every field of this render shares. */
  #frame?: DrawFrame;
  /** Widgets whose styles the form has adopted. */
  readonly #styled = new WeakSet<Widget>();
  /** A name refused for an object's new entry, to say so. */
  readonly #refused = new Map<string, string>();

  constructor(host: FieldHost) {
    this.#host = host;
  }

  /** A render begins: what it does not draw is forgotten when it ends. */
  begin(state: FormState, lang: Locale, look: FieldLook): void {
    this.#slots.begin();
    const host = this.#host;
    this.#frame = {
      ...look,
      state,
      lang,
      host: host.element,
      change: (pointer, value) => host.edit(pointer, value),
      picked: (widget) => {
        if (!widget.styles || this.#styled.has(widget)) return;
        this.#styled.add(widget);
        host.adopt(widget.styles);
      },
    };
  }

  end(): void {
    this.#slots.end();
  }

  /** Draws the field at `pointer` again now if what it shows changed; false when a whole render is needed. */
  redraw(pointer: string): boolean {
    return this.#slots.redraw(pointer);
  }

  /** The nodes of a step of fields, in order: its choosers, its fields, then (on the last) the root's extra keys. */
  drawStep(pointers: readonly string[], lastOfFields: boolean): Node[] {
    const frame = this.#frame as DrawFrame;
    const { state } = frame;
    const nodes: Node[] = [];
    // A choice between the root's alternatives comes on the step drawing the first of their fields.
    this.#choices('', (first) => pointers.some((p) => within(first, p)), nodes);
    for (const pointer of pointers) {
      const field = state.fieldAt(pointer);
      const drawn = field ? this.#field(field, pointer) : undefined;
      if (drawn instanceof Node) nodes.push(drawn);
    }
    // The root's undeclared entries go where its unplaced fields go: on the last step of fields.
    const before = nodes.length;
    if (lastOfFields) this.#extras('', nodes);
    if (pointers.length === 0 && nodes.length === before)
      nodes.push(
        this.#slots.draw(
          'none',
          () => [frame.lang],
          () => make('p', {}, say(T.noFields, frame.lang)),
        ) as Node,
      );
    return nodes;
  }

  #field(field: FieldInfo, pointer: string): Drawing | undefined {
    const { state, lang } = this.#frame as DrawFrame;
    if (!state.shown(field, pointer)) return undefined;
    if (field.schema['x-widget'] === 'hidden') return undefined;
    const title = schemaText(field.schema, 'title', lang) ?? field.name;
    if (field.kind === 'object' && field.repeats !== undefined && getAt(state.data, pointer) === undefined) {
      // The next level of a tree is drawn once it holds something: until then, a way to add it.
      const text = say(T.addItem, lang, { title });
      return this.#slots.drawAgain(`add:${pointer}`, (last) =>
        drawButton({ text, press: () => this.#addLevel(pointer, field.schema) }, last),
      );
    }
    if (field.kind === 'object') {
      const children: Node[] = [];
      this.#choices(pointer, undefined, children);
      for (const child of state.childrenOf(field.pointer)) {
        // Outside lists the pointer is the plan's own, and so are its children's.
        const drawn = this.#field(child, pointer === field.pointer ? child.pointer : joinPointer(pointer, child.name));
        if (drawn instanceof Node) children.push(drawn);
      }
      this.#extras(pointer, children);
      const optional = state.required(field) ? undefined : say(T.optional, lang);
      const hints = this.#hints(field.schema);
      return this.#slots.drawAgain(`group:${pointer}`, (last) =>
        drawGroup({ id: idFor('mf', pointer), label: title, optional, hints, children }, last),
      );
    }
    if (field.kind === 'array' && optionsOf(state.plan.schema, field.schema, lang).length === 0)
      return this.#list(field, field.schema, pointer, title);
    return this.#leaf(field, field.schema, pointer, title, state.required(field));
  }

  /** A field's description and help, the lines of its hint. */
  #hints(schema: JsonSchemaObject): string[] {
    const { lang } = this.#frame as DrawFrame;
    const description = schemaText(schema, 'description', lang);
    const help = schemaText(schema, 'help', lang);
    return description && help ? [description, help] : description ? [description] : help ? [help] : [];
  }

  /**
   * One field, redrawn only when something it shows changed: a keystroke redraws the field
   * typed in, not the other thousand.
   */
  #leaf(field: FieldInfo, schema: JsonSchemaObject, pointer: string, title: string, required: boolean): Drawing {
    const frame = this.#frame as DrawFrame;
    const { state, lang } = frame;
    const depends = () => {
      const provenance = state.provenance.get(pointer);
      const shown = state.shownErrors().find((e) => e.pointer === pointer);
      const refused = shown ? undefined : frame.serverErrors.find((e) => e.pointer === pointer);
      const error = shown ? say(shown.message, lang) : refused && localize(refused.message, lang);
      return [
        state.raw.get(pointer) ?? getAt(state.data, pointer),
        provenance,
        provenance?.edited,
        error,
        frame.readonly,
        frame.disabled,
        frame.widgets,
        lang,
        title,
        required,
        frame.epoch,
        frame.redraws.get(pointer),
      ];
    };
    return this.#slots.draw(pointer, depends, (last, [value, provenance, , error]) => {
      const shown = { value, provenance, error } as LeafShown;
      return drawLeaf(frame, field, schema, pointer, title, required, this.#hints(schema), shown, last) ?? nothing;
    });
  }

  /** A list: its items, each with its buttons, then a button to add one. */
  #list(field: FieldInfo, schema: JsonSchemaObject, pointer: string, title: string): Drawing {
    const { state, lang, readonly, disabled } = this.#frame as DrawFrame;
    const root = state.plan.schema;
    const list = getAt(state.data, pointer);
    const held = Array.isArray(list) ? list.length : 0;
    const rules = listRules(root, schema);
    const count = Math.max(held, rules.fixed.length);
    const editable = !readonly && !disabled && rules.schema.readOnly !== true;
    const nodes: Node[] = [];
    const error = state.shownErrors().find((e) => e.pointer === pointer);
    if (error)
      nodes.push(
        this.#slots.draw(
          `error:${pointer}`,
          () => [say(error.message, lang), lang],
          () => errorLine(null, [say(ERROR_PREFIX, lang), say(error.message, lang)]),
        ) as Node,
      );
    for (let i = 0; i < count; i++) nodes.push(this.#item(field, pointer, i, title, rules, held, editable));
    if (editable && canAddItem(rules, held)) {
      const text = say(T.addItem, lang, { title: title || say(T.items, lang) });
      const rest = rules.rest as JsonSchemaObject;
      nodes.push(
        this.#slots.drawAgain(`add:${pointer}`, (last) =>
          drawButton({ text, press: () => this.#addItem(pointer, rest) }, last),
        ) as Node,
      );
    }
    const optional = state.required(field) ? undefined : say(T.optional, lang);
    const hints = this.#hints(schema);
    return this.#slots.drawAgain(`list:${pointer}`, (last) =>
      drawGroup(
        { id: idFor('mf', pointer), label: title, optional, hints, invalid: error !== undefined, children: nodes },
        last,
      ),
    );
  }

  #item(
    field: FieldInfo,
    list: string,
    i: number,
    title: string,
    rules: ListRules,
    held: number,
    editable: boolean,
  ): Node {
    const { state, lang } = this.#frame as DrawFrame;
    const root = state.plan.schema;
    const pointer = joinPointer(list, i);
    const tuple = i < rules.fixed.length;
    const itemSchema = mergedSchema(root, itemSchemaAt(rules, i));
    const pattern = tuple ? joinPointer(field.pointer, i) : `${field.pointer}/-`;
    const children = state.childrenOf(pattern);
    const label = say(T.item, lang, { title, n: i + 1 });
    const body: Node[] = [];
    if (children.length > 0) {
      this.#choices(pointer, undefined, body);
      for (const child of children) {
        const drawn = this.#field(child, joinPointer(pointer, child.name));
        if (drawn instanceof Node) body.push(drawn);
      }
      this.#extras(pointer, body);
    } else {
      const drawn = this.#itemValue(field, itemSchema, pointer, pattern, label);
      if (drawn instanceof Node) body.push(drawn);
    }
    if (editable && !tuple) {
      const looks = itemButtons(
        label,
        lang,
        { first: i === rules.fixed.length, last: i >= held - 1, removable: held > rules.minItems },
        { move: (by) => this.#moveItem(list, i, by), remove: () => this.#removeItem(list, i) },
      );
      body.push(this.#slots.drawAgain(`actions:${pointer}`, (last) => drawButtons(looks, last)) as Node);
    }
    // An item of plain values is one control, which carries the item's id: the fieldset
    // around it takes another, or the browser would give `<label for>` the fieldset and
    // leave the box without a name.
    const id = children.length > 0 ? idFor('mf', pointer) : `${idFor('mf', pointer)}-item`;
    return this.#slots.drawAgain(`item:${pointer}`, (last) =>
      drawGroup({ id, label, hints: [], item: true, children: body }, last),
    ) as Node;
  }

  /** An array item that is not an object the plan unfolds: one control (a list of lists draws a list inside). */
  #itemValue(
    field: FieldInfo,
    schema: JsonSchemaObject,
    pointer: string,
    pattern: string,
    label: string,
  ): Drawing | undefined {
    const { state, lang } = this.#frame as DrawFrame;
    const root = state.plan.schema;
    const itemField: FieldInfo = {
      ...field,
      pointer: pattern,
      schema,
      name: pattern.slice(pattern.lastIndexOf('/') + 1),
      kind: schema.type === 'array' ? 'array' : 'leaf',
      required: true,
      inArray: true,
      branch: false,
      concept: undefined,
    };
    const object = objectSchemaOf(root, schema);
    if (object) return this.#unplanned(object, pointer, label);
    if (itemField.kind === 'array' && optionsOf(root, schema, lang).length === 0)
      return this.#list(itemField, schema, pointer, label);
    return this.#leaf(itemField, schema, pointer, label, true);
  }

  /**
   * An object the plan could not unfold ahead of the data — an item that may be null — drawn
   * from its schema as deep as the data goes: an object below it shows its fields once this
   * one holds something.
   */
  #unplanned(object: JsonSchemaObject, pointer: string, title: string): Drawing {
    const { state, lang } = this.#frame as DrawFrame;
    const root = state.plan.schema;
    const here = getAt(state.data, pointer);
    const required = new Set(object.required ?? []);
    const children: Node[] = [];
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const at = joinPointer(pointer, name);
      const field = state.fieldAt(at);
      if (!field) continue;
      const schema = mergedSchema(root, property);
      const label = schemaText(schema, 'title', lang) ?? name;
      const inner = objectSchemaOf(root, schema);
      const drawn = inner
        ? here === undefined || here === null
          ? undefined
          : this.#unplanned(inner, at, label)
        : field.kind === 'array' && optionsOf(root, schema, lang).length === 0
          ? this.#list(field, schema, at, label)
          : this.#leaf(field, schema, at, label, required.has(name));
      if (drawn instanceof Node) children.push(drawn);
    }
    const hints = this.#hints(object);
    return this.#slots.drawAgain(`group:${pointer}`, (last) =>
      drawGroup({ id: idFor('mf', pointer), label: title, hints, children }, last),
    );
  }

  // The choices among alternatives and the undeclared entries of an object are drawn by the
  // rare kinds' chunk (chooser.ts, extra-keys.ts), fetched before a matter that has them is
  // drawn (loading-controller.ts); without it, neither is.

  /** The choice of alternative for each group of the object at `pointer` that nothing in the data selects. */
  #choices(pointer: string, here: ((first: string) => boolean) | undefined, into: Node[]): void {
    loadRareKinds.loaded?.drawChoices(this.#parts(), pointer, here, into);
  }

  /** The entries the object at `pointer` holds beyond its declared properties, then a way to add one. */
  #extras(pointer: string, into: Node[]): void {
    loadRareKinds.loaded?.drawExtras(this.#parts(), pointer, into);
  }

  #parts(): EngineParts {
    return {
      frame: this.#frame as DrawFrame,
      host: this.#host,
      slots: this.#slots,
      refused: this.#refused,
      list: (field, pointer) => this.#list(field, field.schema, pointer, field.name),
      leaf: (field, pointer) => this.#leaf(field, field.schema, pointer, field.name, false),
      focus: (find) => this.#focus(find),
    };
  }

  // ---------------------------------------------------------------------------------------
  // What the buttons do: a verb of the state, then the host tells and draws; focus goes where
  // a keyboard user carries on.

  /** Call after the change that asks for a render: before it, the render would not be waited for. */
  #focus(find: (root: ParentNode) => HTMLElement | null | undefined): void {
    const root = this.#host.element.shadowRoot ?? this.#host.element;
    this.#host.afterUpdate(() => {
      const target = find(root);
      target?.focus();
    });
  }

  #addItem(pointer: string, itemSchema: JsonSchemaObject): void {
    const { state } = this.#frame as DrawFrame;
    const index = state.addItem(pointer, itemSchema);
    this.#host.changed(pointer);
    // The first control of the new item, so keyboard users carry on there.
    this.#focus((root) => {
      const item = root.querySelector<HTMLElement>(`#${idFor('mf', joinPointer(pointer, index))}`);
      return item?.querySelector<HTMLElement>('input, select, textarea') ?? item;
    });
  }

  #addLevel(pointer: string, schema: JsonSchemaObject): void {
    const { state } = this.#frame as DrawFrame;
    state.addLevel(pointer, schema);
    this.#host.changed(pointer);
    this.#focus((root) =>
      root.querySelector<HTMLElement>(`#${idFor('mf', pointer)}`)?.querySelector('input, select, textarea'),
    );
  }

  #removeItem(pointer: string, index: number): void {
    const { state } = this.#frame as DrawFrame;
    state.removeItem(pointer, index);
    this.#host.changed(pointer);
    this.#focus((root) => {
      const items = getAt(state.data, pointer);
      const next =
        Array.isArray(items) && items.length > 0 ? joinPointer(pointer, Math.min(index, items.length - 1)) : pointer;
      return root.querySelector<HTMLElement>(`#${idFor('mf', next)}`);
    });
  }

  #moveItem(pointer: string, index: number, by: -1 | 1): void {
    const { state, lang } = this.#frame as DrawFrame;
    if (!state.moveItem(pointer, index, by)) return;
    this.#host.changed(pointer);
    // The same button of the moved item, so it can be moved again by keyboard.
    const text = say(by < 0 ? T.moveUp : T.moveDown, lang);
    this.#focus((root) => {
      const id = idFor('mf', joinPointer(pointer, index + by));
      const item = root.querySelector(`#${id}-item`) ?? root.querySelector(`#${id}`);
      const buttons = [...(item?.querySelectorAll<HTMLButtonElement>(':scope > .item-actions > button') ?? [])];
      const same = buttons.find((b) => b.textContent?.trim() === text && !b.disabled);
      return same ?? buttons.find((b) => !b.disabled);
    });
  }
}
