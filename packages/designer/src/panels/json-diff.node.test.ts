import { expect } from 'chai';
import { immutableJSONPatch } from 'immutable-json-patch';
import { diffJson } from './json-diff.js';
import { jsonLocations, locate, parseErrorOffset } from './json-locations.js';

/** The patch applied to `before` gives `after`, with its keys in the same order. */
function roundTrip(before: unknown, after: unknown) {
  const patch = diffJson(before, after);
  expect(JSON.stringify(immutableJSONPatch(before, patch))).to.equal(JSON.stringify(after));
  return patch;
}

describe('diffJson (the JSON view’s edit as one patch)', () => {
  const matter = {
    id: 'residence-permit',
    title: { 'zh-CN': '居住证申领', en: 'Residence permit' },
    schema: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', title: '姓名' }, 'a/b~c': { type: 'string' } },
    },
    materials: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  };

  it('gives no operation for an equal document', () => {
    expect(roundTrip(matter, structuredClone(matter))).to.deep.equal([]);
  });

  it('replaces only the value that changed', () => {
    const after = structuredClone(matter);
    after.schema.properties.name.title = '申请人姓名';
    expect(roundTrip(matter, after)).to.deep.equal([
      { op: 'replace', path: '/schema/properties/name/title', value: '申请人姓名' },
    ]);
  });

  it('adds and removes keys, escaping ~ and / in them', () => {
    const after: Record<string, unknown> = structuredClone(matter);
    delete (after.schema as { properties: Record<string, unknown> }).properties['a/b~c'];
    after.version = '1.0.1';
    expect(roundTrip(matter, after)).to.deep.equal([
      { op: 'remove', path: '/schema/properties/a~1b~0c' },
      { op: 'add', path: '/version', value: '1.0.1' },
    ]);
  });

  it('inserts, removes and changes one list item with one operation each', () => {
    const inserted = { ...matter, materials: [{ id: 'a' }, { id: 'x' }, { id: 'b' }, { id: 'c' }] };
    expect(roundTrip(matter, inserted)).to.deep.equal([{ op: 'add', path: '/materials/1', value: { id: 'x' } }]);
    const removed = { ...matter, materials: [{ id: 'a' }, { id: 'c' }] };
    expect(roundTrip(matter, removed)).to.deep.equal([{ op: 'remove', path: '/materials/1' }]);
    const changed = { ...matter, materials: [{ id: 'a' }, { id: 'B' }, { id: 'c' }] };
    expect(roundTrip(matter, changed)).to.deep.equal([{ op: 'replace', path: '/materials/1/id', value: 'B' }]);
  });

  it('keeps a reordering of keys by replacing that object whole', () => {
    const after = { ...matter, title: { en: 'Residence permit', 'zh-CN': '居住证申领' } };
    expect(roundTrip(matter, after)).to.deep.equal([{ op: 'replace', path: '/title', value: after.title }]);
  });

  it('replaces a value whose type changed, and the whole document when it is no longer an object', () => {
    expect(roundTrip(matter, { ...matter, materials: null })).to.deep.equal([
      { op: 'replace', path: '/materials', value: null },
    ]);
    expect(roundTrip(matter, [1, 2])).to.deep.equal([{ op: 'replace', path: '', value: [1, 2] }]);
  });

  it('turns any list into any other', () => {
    const lists = [[], [1], [1, 2, 3], [3, 2, 1], [2], [1, 1, 2, 2], [{ a: 1 }, 2], [0, 1, 2, 3, 4]];
    for (const before of lists) for (const after of lists) roundTrip({ list: before }, { list: after });
  });
});

describe('jsonLocations (a pointer’s place in the text)', () => {
  const text = '{\n  "title": "居住证",\n  "a/b": [1, {"x": true}],\n  "empty": {}\n}';
  const locations = jsonLocations(text);
  const at = (pointer: string) => {
    const { from, to } = locate(locations, pointer);
    return text.slice(from, to);
  };

  it('finds members from their key, items and the whole document', () => {
    expect(at('/title')).to.equal('"title": "居住证"');
    expect(at('/a~1b/1')).to.equal('{"x": true}');
    expect(at('/a~1b/1/x')).to.equal('"x": true');
    expect(at('/a~1b/0')).to.equal('1');
    expect(at('')).to.equal(text);
  });

  it('marks what is missing on its nearest ancestor', () => {
    expect(at('/empty/required')).to.equal('"empty": {}');
  });

  it('reads the offset of a parse error from the message', () => {
    const broken = '{"a": 1,}';
    let message = '';
    try {
      JSON.parse(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(parseErrorOffset(message, broken)).to.equal(8);
  });
});
