// Every field edit on every field of every sample matter: the patch applies, undo gives back the
// document byte for byte, and the result is still a valid matter. (Loading each result with the
// catalogue, as fields.node.test.ts does for chosen edits, would take minutes here.)
import { expect } from 'chai';
import { immutableJSONPatch, revertJSONPatch } from 'immutable-json-patch';
import type { Matter } from '@matterform/core';
import type { Patch } from '../document/design-document.js';
import type { OutlineField } from '../document/outline-types.js';
import {
  deleteField,
  duplicateField,
  moveField,
  moveFieldBy,
  renameField,
  setFieldText,
  setRequired,
} from './fields.js';
import { outlineOf } from './outline.js';
import { metaErrors, sampleCatalogue } from './edits.test-helpers.js';

function everyField(fields: readonly OutlineField[]): OutlineField[] {
  return fields.flatMap((f) => [f, ...everyField(f.children)]);
}

function check(matter: Matter, patch: Patch, what: string): void {
  const text = JSON.stringify(matter);
  const after = immutableJSONPatch<Matter>(matter, patch);
  const undone = immutableJSONPatch(after, revertJSONPatch(matter, patch));
  expect(JSON.stringify(undone), what).to.equal(text);
  expect(metaErrors(after), what).to.deep.equal([]);
}

describe('every field edit on every sample field', () => {
  it('applies, undoes exactly and leaves a valid matter', async function () {
    // Some 3,000 edits: seconds alone, longer beside other test runs.
    this.timeout(120_000);
    const { matters } = await sampleCatalogue();
    let edits = 0;
    for (const matter of matters) {
      const fields = everyField(outlineOf(matter).steps.flatMap((s) => s.fields));
      const group = fields.find((f) => f.kind === 'group' && !f.branch);
      for (const field of fields) {
        const at = `${matter.id} ${field.schema}`;
        const patches: [string, Patch | undefined][] = [
          ['delete', deleteField(matter, field.schema)],
          ['rename', renameField(matter, field.schema, `${field.key}Renamed`).patch],
          ['duplicate', duplicateField(matter, field.schema).patch],
          ['up', moveFieldBy(matter, field.schema, -1)?.patch],
          ['down', moveFieldBy(matter, field.schema, 1)?.patch],
          ['required', setRequired(matter, field.schema, !field.required)],
          ['title', setFieldText(matter, field.schema, 'title', 'en', 'Renamed')],
          ['to the top', moveField(matter, field.schema, { parent: '/schema', index: 0, step: 0 }).patch],
          ['into a group', group && moveField(matter, field.schema, { parent: group.schema, index: 1 }).patch],
        ];
        for (const [what, patch] of patches) {
          if (!patch) continue;
          // A move to where the field already is changes nothing; any other edit changes something.
          if (!what.startsWith('to ') && !what.startsWith('into ')) expect(patch, `${what} ${at}`).to.not.be.empty;
          check(matter, patch, `${what} ${at}`);
          edits++;
        }
      }
    }
    expect(edits).to.be.greaterThan(1000);
  });
});
