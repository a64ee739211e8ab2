/**
 * A fieldset around nodes drawn elsewhere: an object's fields, a list, one item of a list.
 * Patched in place; nodes that stay are never moved, so the field being typed in keeps its
 * focus when a branch, an item or a choice beside it appears or goes.
 */
import { changedPiece, fillLabel, hintBlock, same } from './chrome.js';
import { make, patch } from './plain-dom.js';

export interface GroupLook {
  id: string;
  label: string;
  optional?: string;
  hints: readonly string[];
  /** `data-invalid`: the list's own error is shown. */
  invalid?: boolean;
  /** A list item's legend is no `label` part: the list's own legend is. */
  item?: boolean;
  /** What it holds, each one node: fields, a chooser, extra entries, an item's buttons. */
  children: readonly Node[];
}

interface DrawnGroup {
  legend: HTMLElement;
  hint?: Element;
  shown: unknown[];
  children: readonly Node[];
}

const GROUP = Symbol('group');
type GroupElement = HTMLFieldSetElement & { [GROUP]?: DrawnGroup };

/** Draws the group: `last` is what this returned for it before. */
export function drawGroup(look: GroupLook, last: unknown): Node {
  let group = last as GroupElement | undefined;
  let drawn = group?.[GROUP];
  if (!group || !drawn) {
    drawn = { legend: make('legend', look.item ? {} : { part: 'label' }), shown: [], children: [] };
    group = make('fieldset', { class: 'group', part: 'group', tabindex: '-1' }, drawn.legend) as GroupElement;
    group[GROUP] = drawn;
  }
  const { legend } = drawn;
  patch(group, { id: look.id, 'data-invalid': look.invalid ? '' : null });
  if (changedPiece(drawn.shown, 0, [look.label, look.optional])) fillLabel(legend, look.label, look.optional);
  if (changedPiece(drawn.shown, 1, [look.id, look.hints])) {
    drawn.hint?.remove();
    drawn.hint = look.hints.length > 0 ? hintBlock(look.id, look.hints) : undefined;
    if (drawn.hint) legend.after(drawn.hint);
  }
  const { children } = look;
  if (drawn.children.length === 0) group.append(...children);
  else if (!same(drawn.children, children)) {
    const kept = new Set(children);
    for (const node of drawn.children) if (!kept.has(node)) (node as ChildNode).remove();
    let cursor = (drawn.hint ?? legend).nextSibling;
    for (const node of children)
      if (node === cursor) cursor = cursor.nextSibling;
      else group.insertBefore(node, cursor);
  }
  drawn.children = children;
  return group;
}
