/**
 * The choice between alternatives nothing in the data tells apart (a `oneOf`/`anyOf` of object
 * branches without a `const` to select one), named by each alternative's title: the radio
 * widget for a `oneOf`, so the person answers one of them, not all; the checkboxes widget for
 * an `anyOf`, at least one kept. Drawn as a field of its own, by the engine's field chrome.
 */
import type { FieldInfo, JsonSchemaObject, Locale } from '@matterform/core';
import { say } from '../i18n/say.js';
import { fieldMessages as T } from '../i18n/fields.js';
import { schemaText } from '../present.js';
import { checkboxesWidget, radioWidget } from '../widgets/basic.js';
import type { WidgetOption } from '../widgets/widget.js';
import { idFor } from '../present.js';
import { drawField, same } from './chrome.js';
import type { EngineParts } from './engine.js';

export interface ChoiceLook {
  /** Id of the first box; the others add `-1`, `-2`… */
  id: string;
  /** The object the alternatives describe. */
  pointer: string;
  lang: Locale;
  /** The alternatives, `$ref`/`allOf` merged, for their titles. */
  alternatives: readonly JsonSchemaObject[];
  /** An `anyOf`: checkboxes. */
  several: boolean;
  chosen: readonly number[];
  readonly: boolean;
  disabled: boolean;
  host: object;
  choose(chosen: number[]): void;
}

/** The options last made per choice: the widgets rebuild their boxes when handed other options. */
const made = new Map<string, { labels: string[]; options: WidgetOption[] }>();

function optionsOf({ id, alternatives, lang }: ChoiceLook): WidgetOption[] {
  const labels = alternatives.map((a, n) => schemaText(a, 'title', lang) ?? say(T.option, lang, { n: n + 1 }));
  let kept = made.get(id);
  if (!kept || !same(kept.labels, labels)) {
    kept = { labels, options: labels.map((label, value) => ({ value, label })) };
    made.set(id, kept);
  }
  return kept.options;
}

/** Draws the choice: `last` is what this returned for it before. */
export function drawChoice(look: ChoiceLook, last: unknown): Node {
  const { id, pointer, lang, several, chosen } = look;
  const field = { pointer, schema: {}, name: '', kind: 'leaf' } as FieldInfo;
  return drawField(
    {
      widget: several ? checkboxesWidget : radioWidget,
      context: {
        id,
        pointer,
        field,
        schema: field.schema,
        value: several ? chosen : chosen[0],
        lang,
        label: say(several ? T.chooseSeveral : T.chooseOne, lang),
        required: true,
        readonly: look.readonly,
        disabled: look.disabled,
        invalid: false,
        describedBy: '',
        options: optionsOf(look),
        // An anyOf keeps one at least: unticking the last is refused, and the box put back.
        change: (value) =>
          look.choose(
            Array.isArray(value) ? (value as number[]) : value === undefined ? [...chosen] : [value as number],
          ),
      },
      host: look.host,
      hints: [],
      notes: [],
    },
    last,
  );
}

/**
 * The choice for each group of alternatives of the object at `pointer` (the field engine's
 * `#choices`); `here`: only the groups whose first field it holds (a step drawing the root's).
 */
export function drawChoices(
  parts: EngineParts,
  pointer: string,
  here: ((first: string) => boolean) | undefined,
  into: Node[],
): void {
  const { state, lang, readonly, disabled } = parts.frame;
  let n = 0;
  for (const group of state.choiceGroups(pointer)) {
    if (here && !here(group.first)) continue;
    const id = `${idFor('mf', pointer)}-choice${n === 0 ? '' : `-${n}`}`;
    n++;
    const look: ChoiceLook = {
      id,
      pointer,
      host: parts.host.element,
      lang,
      alternatives: group.alternatives,
      several: group.several,
      chosen: group.chosen,
      readonly,
      disabled,
      choose: (chosen) => {
        state.choose(pointer, group.list, chosen);
        // The unchosen alternatives' values go before the host is told the object's value.
        state.settle();
        parts.host.changed(pointer);
      },
    };
    into.push(parts.slots.drawAgain(`choice:${id}`, (last) => drawChoice(look, last)) as Node);
  }
}
