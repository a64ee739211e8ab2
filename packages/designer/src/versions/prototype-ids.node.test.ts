// Keys of an output's template are document text: one named `constructor` or `toString` is
// added and removed like any other when the designer compares two versions (issue 17).
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Matter } from '@matterform/core';
import { diffMatters } from './diff.js';

const catalogue = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/prototype-ids/catalogue.json', import.meta.url), 'utf8'),
) as { matters: Matter[] };

function withTemplate(template: Record<string, string>): Matter {
  return { ...structuredClone(catalogue.matters[0] as Matter), outputs: [{ system: 'records', template }] };
}

describe('diffMatters: output template keys named after Object.prototype', () => {
  it('reports a removed constructor key as removed, and an added toString key as added', () => {
    const live = withTemplate(JSON.parse('{"constructor": "{/constructor}", "mobile": "{/toString}"}'));
    const draft = withTemplate(JSON.parse('{"mobile": "{/toString}", "toString": "{/valueOf}"}'));
    const changes = diffMatters(live, draft, 'en').changes.map((c) => `${c.level} ${c.message.en}`);
    expect(changes).to.deep.equal([
      'major The output for ‘records’ no longer has constructor',
      'minor The output for ‘records’ gained toString',
    ]);
  });
});
