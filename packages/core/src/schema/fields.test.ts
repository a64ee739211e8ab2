import { expect } from 'chai';
import {
  collectFields,
  isCompatible,
  mergeBranchFields,
  resolveDataPointer,
  resolveRef,
  SchemaWalkError,
  type FieldInfo,
} from './fields.js';
import type { JsonSchemaObject } from './json-schema.js';

const S2020 = 'https://json-schema.org/draft/2020-12/schema';
const D07 = 'http://json-schema.org/draft-07/schema#';

function byPointer(fields: FieldInfo[]): Map<string, FieldInfo> {
  return new Map(fields.map((f) => [f.pointer, f]));
}

function field(fields: FieldInfo[], pointer: string): FieldInfo {
  const found = fields.find((f) => f.pointer === pointer);
  if (!found) throw new Error(`no field ${pointer} among ${fields.map((f) => f.pointer).join(', ')}`);
  return found;
}

function walkError(run: () => unknown): SchemaWalkError {
  try {
    run();
  } catch (caught) {
    if (caught instanceof SchemaWalkError) return caught;
    throw caught;
  }
  throw new Error('expected a SchemaWalkError');
}

/** Residence permit: nested objects, $defs, an array of objects, a branch in allOf. */
const residence: JsonSchemaObject = {
  $schema: S2020,
  type: 'object',
  $defs: {
    name: { type: 'string', title: '姓名', maxLength: 50, 'x-concept': 'person.name' },
    address: {
      type: 'object',
      properties: { region: { type: 'string', format: 'cn-region' }, street: { type: 'string' } },
      required: ['region'],
    },
  },
  properties: {
    applicant: {
      type: 'object',
      title: '申请人',
      properties: {
        name: { $ref: '#/$defs/name', title: '申请人姓名' },
        idNumber: { type: 'string', format: 'cn-id-number', 'x-concept': 'person.idNumber' },
        home: { $ref: '#/$defs/address' },
      },
      required: ['name'],
    },
    housing: { type: 'string', enum: ['owned', 'rented'] },
    members: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, relation: { type: 'string' } },
        required: ['name'],
      },
    },
  },
  required: ['applicant', 'housing'],
  allOf: [
    {
      if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
      then: {
        properties: {
          rentContract: {
            type: 'object',
            properties: { number: { type: 'string' }, until: { type: 'string', format: 'date' } },
          },
        },
        required: ['rentContract'],
      },
    },
  ],
};

describe('fields', () => {
  describe('resolveRef', () => {
    it('resolves #, $defs, definitions and percent-encoded pointers', () => {
      const root: JsonSchemaObject = {
        type: 'object',
        $defs: { 'a b': { type: 'string' }, 'x/y': { type: 'number' } },
        definitions: { old: { type: 'boolean' } },
      };
      expect(resolveRef(root, '#')).to.deep.equal({ schema: root, pointer: '' });
      expect(resolveRef(root, '#/$defs/a%20b')).to.deep.equal({ schema: { type: 'string' }, pointer: '/$defs/a b' });
      expect(resolveRef(root, '#/$defs/x~1y').schema).to.deep.equal({ type: 'number' });
      expect(resolveRef(root, '#/definitions/old').pointer).to.equal('/definitions/old');
    });

    it('treats a ref starting with the root $id as local', () => {
      const root: JsonSchemaObject = { $id: 'https://example.org/m.json', $defs: { a: { type: 'string' } } };
      expect(resolveRef(root, 'https://example.org/m.json#/$defs/a').pointer).to.equal('/$defs/a');
    });

    it('follows a bundled schema’s refs to the resources embedded under their own $id', () => {
      const integer: JsonSchemaObject = {
        $id: 'https://example.org/mixins/integer',
        type: 'integer',
        $defs: { min: { minimum: 0 } },
      };
      const root: JsonSchemaObject = {
        $id: 'https://example.org/forms/bundle',
        $defs: { 'https://example.org/mixins/integer': integer, count: { $ref: '/mixins/integer' } },
        properties: { count: { $ref: '#/$defs/count' } },
      };
      const pointer = '/$defs/https:~1~1example.org~1mixins~1integer';
      expect(resolveRef(root, '/mixins/integer', '/$defs/count')).to.deep.equal({ schema: integer, pointer });
      expect(resolveRef(root, 'https://example.org/mixins/integer#/$defs/min').pointer).to.equal(
        `${pointer}/$defs/min`,
      );
      // Relative to the resource it stands in.
      const nested: JsonSchemaObject = { ...root, $defs: { ...root.$defs, x: { $id: 'sub/', y: { $id: 'leaf' } } } };
      expect(resolveRef(nested, 'leaf', '/$defs/x').pointer).to.equal('/$defs/x/y');
      expect(collectFields(root).map((f) => [f.pointer, f.schema.type])).to.deep.equal([['/count', 'integer']]);
      expect(walkError(() => resolveRef(root, '/mixins/string', '/$defs/count')).code).to.equal('ref-unresolved');
    });

    it('throws ref-unresolved for a missing target, a remote ref, an anchor and bad encoding', () => {
      const root: JsonSchemaObject = { type: 'object', $defs: { a: { type: 'string' }, n: 5 as never } };
      for (const ref of ['#/$defs/missing', 'other.json#/a', '#anchor', '#/$defs/%E0%A4%A', '#/$defs/n']) {
        const error = walkError(() => resolveRef(root, ref, '/properties/x'));
        expect(error.code, ref).to.equal('ref-unresolved');
        expect(error.pointer, ref).to.equal('/properties/x');
      }
    });
  });

  describe('collectFields', () => {
    it('takes a property with no type whose oneOf alternatives are objects for an object of branch fields', () => {
      const root: JsonSchemaObject = {
        definitions: {
          person: { type: 'object', properties: { name: { type: 'string' } } },
          company: { type: 'object', properties: { name: { type: 'string' }, code: { type: 'string' } } },
        },
        properties: {
          contact: { oneOf: [{ $ref: '#/definitions/person' }, { $ref: '#/definitions/company' }] },
          code: { oneOf: [{ type: 'string' }, { type: 'null' }] },
        },
      };
      const fields = collectFields(root);
      expect(fields.map((f) => [f.pointer, f.kind, f.branch])).to.deep.equal([
        ['/contact', 'object', false],
        ['/contact/name', 'leaf', true],
        ['/contact/code', 'leaf', true],
        ['/code', 'leaf', false],
      ]);
      expect(fields[1]?.alsoWhen).to.have.length(1);
    });

    it('lists nested objects, $ref fields and array items depth-first in schema order', () => {
      const fields = collectFields(residence);
      expect(fields.map((f) => f.pointer)).to.deep.equal([
        '/applicant',
        '/applicant/name',
        '/applicant/idNumber',
        '/applicant/home',
        '/applicant/home/region',
        '/applicant/home/street',
        '/housing',
        '/members',
        '/members/-/name',
        '/members/-/relation',
        '/rentContract',
        '/rentContract/number',
        '/rentContract/until',
      ]);
    });

    it('describes each field', () => {
      const fields = byPointer(collectFields(residence));
      expect(fields.get('/applicant')).to.include({
        name: 'applicant',
        parent: '',
        kind: 'object',
        branch: false,
        required: true,
        inArray: false,
        schemaPointer: '/properties/applicant',
      });
      const name = fields.get('/applicant/name');
      expect(name).to.include({
        parent: '/applicant',
        kind: 'leaf',
        required: true,
        concept: 'person.name',
        schemaPointer: '/properties/applicant/properties/name',
      });
      // $ref resolved, the sibling title winning over the definition's.
      expect(name?.schema).to.deep.equal({
        type: 'string',
        title: '申请人姓名',
        maxLength: 50,
        'x-concept': 'person.name',
      });
      expect(fields.get('/applicant/idNumber')).to.include({ required: false, concept: 'person.idNumber' });
      expect(fields.get('/applicant/home/region')).to.include({
        required: true,
        schemaPointer: '/$defs/address/properties/region',
      });
      expect(fields.get('/members')).to.include({ kind: 'array', inArray: false });
      expect(fields.get('/members/-/name')).to.include({
        parent: '/members/-',
        inArray: true,
        required: true,
        schemaPointer: '/properties/members/items/properties/name',
      });
    });

    it('finds a branch field in an allOf if/then, with its condition; branch requireds do not count', () => {
      const fields = byPointer(collectFields(residence));
      const rent = fields.get('/rentContract');
      expect(rent).to.include({
        branch: true,
        required: false,
        kind: 'object',
        schemaPointer: '/allOf/0/then/properties/rentContract',
      });
      expect(rent?.condition).to.deep.equal({
        kind: 'if-then',
        at: '',
        schemaPointer: '/allOf/0/then',
        ifSchema: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
      });
      // Inside the branch object, its own properties are plain fields.
      expect(fields.get('/rentContract/number')).to.include({ branch: false, parent: '/rentContract' });
    });

    it('handles top-level if/then/else', () => {
      const schema: JsonSchemaObject = {
        type: 'object',
        properties: { kind: { type: 'string' } },
        if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
        then: { properties: { forA: { type: 'string' } } },
        else: { properties: { notA: { type: 'integer' } } },
      };
      const fields = byPointer(collectFields(schema));
      expect([...fields.keys()]).to.deep.equal(['/kind', '/forA', '/notA']);
      expect(fields.get('/forA')?.condition).to.include({ kind: 'if-then', schemaPointer: '/then' });
      expect(fields.get('/notA')?.condition).to.include({ kind: 'if-else', schemaPointer: '/else' });
      expect(fields.get('/notA')?.condition?.ifSchema).to.deep.equal(schema.if);
    });

    it('finds branch fields at any allOf depth, nested branches with their outer condition', () => {
      const schema: JsonSchemaObject = {
        type: 'object',
        properties: { a: { type: 'boolean' }, b: { type: 'boolean' } },
        allOf: [
          {
            allOf: [
              {
                if: { properties: { a: { const: true } }, required: ['a'] },
                then: {
                  properties: { x: { type: 'string' } },
                  if: { properties: { b: { const: true } }, required: ['b'] },
                  then: { properties: { y: { type: 'string' } } },
                },
              },
            ],
          },
        ],
      };
      const fields = byPointer(collectFields(schema));
      expect(fields.get('/x')).to.include({ branch: true, schemaPointer: '/allOf/0/allOf/0/then/properties/x' });
      const y = fields.get('/y');
      expect(y?.condition).to.include({ kind: 'if-then', schemaPointer: '/allOf/0/allOf/0/then/then' });
      expect(y?.condition?.outer).to.include({ kind: 'if-then', schemaPointer: '/allOf/0/allOf/0/then' });
    });

    it('ignores then without if, as validators do', () => {
      const fields = collectFields({ type: 'object', properties: { a: {} }, then: { properties: { b: {} } } });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/a']);
    });

    it('finds dependentSchemas and draft-07 dependencies (schema form only)', () => {
      const schema: JsonSchemaObject = {
        $schema: D07,
        type: 'object',
        properties: { agent: { type: 'string' }, card: { type: 'string' } },
        dependentSchemas: { agent: { properties: { agentId: { type: 'string' } }, required: ['agentId'] } },
        dependencies: {
          card: { properties: { cardExpiry: { type: 'string', format: 'date' } } },
          agent: ['card'],
        },
      };
      const fields = byPointer(collectFields(schema));
      expect([...fields.keys()]).to.deep.equal(['/agent', '/card', '/agentId', '/cardExpiry']);
      expect(fields.get('/agentId')).to.include({ branch: true, required: false });
      expect(fields.get('/agentId')?.condition).to.deep.equal({
        kind: 'dependent',
        at: '',
        schemaPointer: '/dependentSchemas/agent',
        property: 'agent',
      });
      expect(fields.get('/cardExpiry')?.condition).to.include({
        kind: 'dependent',
        property: 'card',
        schemaPointer: '/dependencies/card',
      });
    });

    it('finds oneOf alternatives chosen by a sibling const, with the selector as condition', () => {
      const schema: JsonSchemaObject = {
        type: 'object',
        properties: { applicantKind: { type: 'string', enum: ['person', 'org'] }, phone: { type: 'string' } },
        required: ['applicantKind'],
        oneOf: [
          { properties: { applicantKind: { const: 'person' }, idNumber: { type: 'string' } }, required: ['idNumber'] },
          { properties: { applicantKind: { const: 'org' }, creditCode: { type: 'string' }, phone: { minLength: 11 } } },
        ],
      };
      const fields = byPointer(collectFields(schema));
      expect([...fields.keys()]).to.deep.equal(['/applicantKind', '/phone', '/idNumber', '/creditCode']);
      expect(fields.get('/applicantKind')).to.include({ branch: false, required: true });
      // Refined in an alternative but declared at object level: not a branch field.
      expect(fields.get('/phone')).to.include({ branch: false });
      expect(fields.get('/phone')?.schema).to.deep.equal({ type: 'string' });
      expect(fields.get('/idNumber')).to.include({ branch: true, required: false });
      expect(fields.get('/idNumber')?.condition).to.deep.equal({
        kind: 'alternative',
        at: '',
        schemaPointer: '/oneOf/0',
        ifSchema: { properties: { applicantKind: { const: 'person' } }, required: ['applicantKind'] },
      });
      expect(fields.get('/creditCode')?.condition?.schemaPointer).to.equal('/oneOf/1');
    });

    it('does not take a oneOf of consts or of types for branches', () => {
      const fields = collectFields({
        type: 'object',
        properties: {
          a: {
            oneOf: [
              { const: 'x', title: 'X' },
              { const: 'y', title: 'Y' },
            ],
          },
        },
        anyOf: [{ type: 'null' }, { properties: { ghost: {} } }],
      });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/a']);
    });

    it('does not count a property declared at object level and in a then as a branch field', () => {
      const schema: JsonSchemaObject = {
        type: 'object',
        properties: { housing: { type: 'string' }, landlord: { type: 'string' } },
        if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
        then: { properties: { landlord: { minLength: 2 } }, required: ['landlord'] },
      };
      const fields = byPointer(collectFields(schema));
      expect([...fields.keys()]).to.deep.equal(['/housing', '/landlord']);
      expect(fields.get('/landlord')).to.include({ branch: false, required: false });
      expect(fields.get('/landlord')?.condition).to.equal(undefined);
    });

    it('counts a property declared only in allOf members as own, with its required', () => {
      const schema: JsonSchemaObject = {
        type: 'object',
        allOf: [{ $ref: '#/$defs/base' }, { properties: { extra: { type: 'number' } } }],
        $defs: { base: { properties: { id: { type: 'string' } }, required: ['id'] } },
      };
      const fields = collectFields(schema);
      expect(fields.map((f) => [f.pointer, f.branch, f.required])).to.deep.equal([
        ['/id', false, true],
        ['/extra', false, false],
      ]);
    });

    it('gives a field declared by then and else one entry, with both conditions', () => {
      const fields = collectFields({
        type: 'object',
        properties: { a: { type: 'boolean' } },
        if: { properties: { a: { const: true } }, required: ['a'] },
        then: { properties: { note: { type: 'string', maxLength: 10 } } },
        else: { properties: { note: { type: 'string', maxLength: 99 } } },
      });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/a', '/note']);
      const note = field(fields, '/note');
      expect(note.condition?.kind).to.equal('if-then');
      expect(note.alsoWhen?.map((c) => c.kind)).to.deep.equal(['if-else']);
      expect(note.schema).to.deep.equal({ type: 'string', maxLength: 10 });
    });

    it('finds nested fields a branch adds to an object-level property', () => {
      const fields = collectFields({
        type: 'object',
        properties: {
          married: { type: 'boolean' },
          family: { type: 'object', properties: { size: { type: 'integer' } } },
        },
        if: { properties: { married: { const: true } }, required: ['married'] },
        then: { properties: { family: { properties: { spouseName: { type: 'string' } } } } },
      });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/married', '/family', '/family/size', '/family/spouseName']);
      const spouse = field(fields, '/family/spouseName');
      expect(spouse.branch).to.equal(true);
      // Tested on the root object, where the if sits.
      expect(spouse.condition).to.include({ kind: 'if-then', at: '', schemaPointer: '/then' });
    });

    it('walks prefixItems by index and items as -', () => {
      const fields = collectFields({
        $schema: S2020,
        type: 'object',
        properties: {
          pair: {
            type: 'array',
            prefixItems: [{ type: 'object', properties: { first: { type: 'string' } } }, { type: 'string' }],
            items: { type: 'object', properties: { rest: { type: 'string' } } },
          },
        },
      });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/pair', '/pair/0/first', '/pair/-/rest']);
      expect(field(fields, '/pair/0/first')).to.include({
        parent: '/pair/0',
        inArray: true,
        schemaPointer: '/properties/pair/prefixItems/0/properties/first',
      });
    });

    it('walks draft-07 definitions and tuple items with additionalItems', () => {
      const fields = collectFields({
        $schema: D07,
        type: 'object',
        definitions: { person: { type: 'object', properties: { name: { type: 'string' } } } },
        properties: {
          people: {
            type: 'array',
            items: [{ $ref: '#/definitions/person' }],
            additionalItems: { $ref: '#/definitions/person' },
          },
        },
      });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/people', '/people/0/name', '/people/-/name']);
      expect(field(fields, '/people/-/name').schemaPointer).to.equal('/definitions/person/properties/name');
    });

    it('escapes property names in pointers', () => {
      const fields = collectFields({
        type: 'object',
        properties: { 'a/b': { type: 'object', properties: { 'c~d': {} } } },
      });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/a~1b', '/a~1b/c~0d']);
      expect(fields[1]?.schemaPointer).to.equal('/properties/a~1b/properties/c~0d');
    });

    it('skips properties declared false', () => {
      expect(collectFields({ type: 'object', properties: { a: {}, b: false } }).map((f) => f.pointer)).to.deep.equal([
        '/a',
      ]);
    });

    it('reuses a definition in several places without calling it a cycle', () => {
      const fields = collectFields({
        type: 'object',
        $defs: { address: { type: 'object', properties: { street: { type: 'string' } } } },
        properties: { home: { $ref: '#/$defs/address' }, office: { $ref: '#/$defs/address' } },
      });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/home', '/home/street', '/office', '/office/street']);
    });

    it('throws ref-cycle, with the pointer of the schema holding the $ref, for a schema every instance must recurse', () => {
      const schema: JsonSchemaObject = {
        type: 'object',
        $defs: {
          person: {
            type: 'object',
            required: ['parent'],
            properties: { name: { type: 'string' }, parent: { $ref: '#/$defs/person' } },
          },
        },
        properties: { applicant: { $ref: '#/$defs/person' } },
      };
      const error = walkError(() => collectFields(schema));
      expect(error.code).to.equal('ref-cycle');
      expect(error.pointer).to.equal('/$defs/person/properties/parent');
    });

    it('throws ref-cycle for refs that only point at each other, and for #', () => {
      const loop = walkError(() =>
        collectFields({
          type: 'object',
          properties: { a: { $ref: '#/$defs/x' } },
          $defs: { x: { $ref: '#/$defs/y' }, y: { $ref: '#/$defs/x' } },
        }),
      );
      expect(loop).to.include({ code: 'ref-cycle', pointer: '/$defs/y' });
      const self = walkError(() =>
        collectFields({ type: 'object', required: ['again'], properties: { again: { $ref: '#' } } }),
      );
      expect(self).to.include({ code: 'ref-cycle', pointer: '/properties/again' });
    });

    describe('a schema that recurses as deep as the data goes', () => {
      const tree: JsonSchemaObject = {
        type: 'object',
        $defs: {
          node: { oneOf: [{ $ref: '#/$defs/file' }, { $ref: '#/$defs/folder' }] },
          file: {
            type: 'object',
            title: 'File',
            required: ['name'],
            properties: { name: { type: 'string' }, size: { type: 'integer' } },
          },
          folder: {
            type: 'object',
            title: 'Folder',
            required: ['name'],
            properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
          },
        },
        properties: { root: { $ref: '#/$defs/node' } },
      };

      it('walks a list of nodes once, its items repeating the node above', () => {
        const fields = collectFields(tree);
        expect(fields.map((f) => f.pointer)).to.deep.equal(['/root', '/root/name', '/root/size', '/root/children']);
        expect(fields.find((f) => f.pointer === '/root/children')).to.include({ kind: 'array', repeats: '/root' });
      });

      it('walks an optional property that leads back once, repeating the object above', () => {
        const fields = collectFields({
          type: 'object',
          $defs: {
            person: { type: 'object', properties: { name: { type: 'string' }, parent: { $ref: '#/$defs/person' } } },
          },
          properties: { applicant: { $ref: '#/$defs/person' } },
        });
        expect(fields.map((f) => f.pointer)).to.deep.equal(['/applicant', '/applicant/name', '/applicant/parent']);
        expect(fields.find((f) => f.pointer === '/applicant/parent')).to.include({
          kind: 'object',
          repeats: '/applicant',
        });
        const again = collectFields({ type: 'object', properties: { again: { $ref: '#' } } });
        expect(again).to.have.length(1);
        expect(again[0]).to.include({ pointer: '/again', repeats: '' });
      });

      it('throws ref-cycle for a list that must hold one item at least, naming the $ref', () => {
        const folder: JsonSchemaObject = {
          type: 'object',
          required: ['name', 'children'],
          properties: {
            name: { type: 'string' },
            children: { type: 'array', minItems: 1, items: { $ref: '#/$defs/folder' } },
          },
        };
        const error = walkError(() =>
          collectFields({ type: 'object', $defs: { folder }, properties: { root: { $ref: '#/$defs/folder' } } }),
        );
        expect(error).to.include({ code: 'ref-cycle', pointer: '/$defs/folder/properties/children/items' });
        // A node that may be a file instead ends somewhere: only the folder's list recurses.
        expect(collectFields(tree).find((f) => f.pointer === '/root/children')?.repeats).to.equal('/root');
      });
    });

    it('throws ref-unresolved with the pointer of the schema holding the $ref', () => {
      const error = walkError(() => collectFields({ type: 'object', properties: { a: { $ref: '#/$defs/none' } } }));
      expect(error).to.include({ code: 'ref-unresolved', pointer: '/properties/a' });
    });

    it('throws too-deep for 200 levels of nesting, without blowing the stack', () => {
      let schema: JsonSchemaObject = { type: 'string' };
      for (let i = 0; i < 200; i++) schema = { type: 'object', properties: { a: schema } };
      const error = walkError(() => collectFields(schema));
      expect(error.code).to.equal('too-deep');
      expect(error.pointer.startsWith('/properties/a/properties/a')).to.equal(true);
      // 64 levels are fine.
      let fine: JsonSchemaObject = { type: 'string' };
      for (let i = 0; i < 64; i++) fine = { type: 'object', properties: { a: fine } };
      expect(collectFields(fine)).to.have.length(64);
    });

    it('throws too-deep for 200 nested allOfs too', () => {
      let schema: JsonSchemaObject = { properties: { a: {} } };
      for (let i = 0; i < 200; i++) schema = { allOf: [schema] };
      expect(walkError(() => collectFields({ type: 'object', ...schema })).code).to.equal('too-deep');
    });

    it('stops a schema that expands exponentially instead of hanging', () => {
      const $defs: Record<string, JsonSchemaObject> = {
        d0: { type: 'object', properties: { leaf: { type: 'string' } } },
      };
      for (let i = 1; i <= 40; i++)
        $defs[`d${i}`] = {
          type: 'object',
          properties: { l: { $ref: `#/$defs/d${i - 1}` }, r: { $ref: `#/$defs/d${i - 1}` } },
        };
      const error = walkError(() =>
        collectFields({ type: 'object', $defs, properties: { top: { $ref: '#/$defs/d40' } } }),
      );
      expect(error.code).to.equal('too-deep');
    });

    it('refuses a list of choices of more than 5,000 options, naming it, and takes 5,000', () => {
      const options = (n: number) => Array.from({ length: n }, (_, i) => `o${i}`);
      const big = walkError(() =>
        collectFields({ type: 'object', properties: { pick: { type: 'string', enum: options(100_000) } } }),
      );
      expect(big).to.include({ code: 'too-deep', pointer: '/properties/pick/enum' });
      expect(big.message).to.equal(
        '/schema/properties/pick/enum: has 100,000 options; a list of choices may have at most 5,000',
      );
      const ticks = walkError(() =>
        collectFields({
          type: 'object',
          properties: { tags: { type: 'array', items: { enum: options(5_001) } } },
        }),
      );
      expect(ticks.pointer).to.equal('/properties/tags/items/enum');
      const alternatives = options(5_001).map((o) => ({ const: o }));
      expect(
        walkError(() => collectFields({ type: 'object', properties: { kind: { oneOf: alternatives } } })).pointer,
      ).to.equal('/properties/kind/oneOf');
      expect(collectFields({ type: 'object', properties: { pick: { enum: options(5_000) } } })).to.have.length(1);
    });

    it('does not choke on malformed keywords (the walk runs before validation)', () => {
      const fields = collectFields({
        type: 'object',
        properties: { a: { type: 'string' }, b: 7 as never },
        required: 'a' as never,
        allOf: { not: 'a list' } as never,
        oneOf: [],
        dependentSchemas: [] as never,
      });
      expect(fields.map((f) => f.pointer)).to.deep.equal(['/a']);
    });
  });

  describe('resolveDataPointer', () => {
    const schema: JsonSchemaObject = {
      $schema: S2020,
      type: 'object',
      $defs: { contact: { type: 'object', properties: { phone: { type: 'string', format: 'cn-mobile' } } } },
      properties: {
        applicant: { allOf: [{ $ref: '#/$defs/contact' }, { properties: { name: { type: 'string' } } }] },
        pair: {
          type: 'array',
          prefixItems: [{ type: 'string' }],
          items: { type: 'object', properties: { n: { type: 'integer' } } },
        },
        legacy: { type: 'array', items: [{ type: 'string' }], additionalItems: { type: 'number' } },
        kind: { type: 'string' },
      },
      if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
      then: { properties: { thenField: { type: 'string' } } },
      else: { properties: { elseField: { type: 'string' } } },
      dependentSchemas: { kind: { properties: { depField: { type: 'string' } } } },
      dependencies: { kind: { properties: { oldDepField: { type: 'string' } } }, pair: ['kind'] },
      oneOf: [{ properties: { oneField: { type: 'string' } } }, {}],
      anyOf: [{ properties: { anyField: { type: 'string' } } }, {}],
    };

    it("hits the root with ''", () => {
      expect(resolveDataPointer(schema, '')[0]).to.equal(schema);
    });

    it('hits through properties, $ref and allOf', () => {
      expect(resolveDataPointer(schema, '/applicant/phone')).to.deep.equal([{ type: 'string', format: 'cn-mobile' }]);
      expect(resolveDataPointer(schema, '/applicant/name')).to.deep.equal([{ type: 'string' }]);
    });

    it('hits through then, else, dependentSchemas, dependencies, oneOf, anyOf', () => {
      for (const name of ['thenField', 'elseField', 'depField', 'oldDepField', 'oneField', 'anyField']) {
        expect(resolveDataPointer(schema, `/${name}`), name).to.deep.equal([{ type: 'string' }]);
      }
    });

    it('hits through prefixItems by index, items by - or a later index', () => {
      expect(resolveDataPointer(schema, '/pair/0')).to.deep.equal([{ type: 'string' }]);
      expect(resolveDataPointer(schema, '/pair/-/n')).to.deep.equal([{ type: 'integer' }]);
      expect(resolveDataPointer(schema, '/pair/3/n')).to.deep.equal([{ type: 'integer' }]);
      expect(resolveDataPointer(schema, '/legacy/0')).to.deep.equal([{ type: 'string' }]);
      expect(resolveDataPointer(schema, '/legacy/-')).to.deep.equal([{ type: 'number' }]);
    });

    it('returns every subschema that describes the location', () => {
      const hits = resolveDataPointer(schema, '/applicant');
      expect(hits).to.have.length(4);
      expect(hits[0]).to.equal(schema.properties?.applicant);
    });

    it('misses', () => {
      for (const pointer of [
        '/nope',
        '/applicant/nope',
        '/pair/0/n',
        '/pair/x',
        '/kind/0',
        'applicant',
        '/$defs',
        '/if',
      ]) {
        expect(resolveDataPointer(schema, pointer), pointer).to.deep.equal([]);
      }
      // The if is a test, not a declaration.
      expect(resolveDataPointer({ type: 'object', if: { properties: { x: {} } } }, '/x')).to.deep.equal([]);
      expect(resolveDataPointer({ type: 'object', properties: { x: false } }, '/x')).to.deep.equal([]);
    });

    it('does not loop on a recursive schema', () => {
      const recursive: JsonSchemaObject = {
        type: 'object',
        $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' }, label: { type: 'string' } } } },
        properties: { tree: { $ref: '#/$defs/node' } },
      };
      expect(resolveDataPointer(recursive, '/tree/child/child/label')).to.deep.equal([{ type: 'string' }]);
      expect(resolveDataPointer({ type: 'object', allOf: [{ $ref: '#' }], properties: { a: {} } }, '/a')).to.deep.equal(
        [{}],
      );
    });
  });

  describe('mergeBranchFields', () => {
    it('merges branch fields as optional properties and drops the branches', () => {
      const input = structuredClone(residence);
      const merged = mergeBranchFields(input);
      expect(input).to.deep.equal(residence);
      expect(merged).to.deep.equal({
        $schema: S2020,
        type: 'object',
        $defs: residence.$defs,
        properties: {
          ...residence.properties,
          rentContract: {
            type: 'object',
            properties: { number: { type: 'string' }, until: { type: 'string', format: 'date' } },
          },
        },
        required: ['applicant', 'housing'],
      });
    });

    it('flattens dependentSchemas, dependencies and branch-choosing oneOf; keeps value oneOfs and annotations', () => {
      const merged = mergeBranchFields({
        $schema: D07,
        type: 'object',
        'x-note': 'kept',
        definitions: { extra: { type: 'object', properties: { e: { type: 'string' } } } },
        properties: {
          kind: {
            type: 'string',
            oneOf: [
              { const: 'p', title: '个人' },
              { const: 'o', title: '单位' },
            ],
          },
          agent: { type: 'string', 'x-concept': 'person.name' },
        },
        dependentSchemas: { agent: { properties: { agentId: { type: 'string', 'x-concept': 'person.idNumber' } } } },
        dependencies: { agent: ['kind'], kind: { properties: { since: { type: 'string' } } } },
        oneOf: [
          { properties: { kind: { const: 'p' }, idNumber: { type: 'string' } } },
          { properties: { kind: { const: 'o' }, creditCode: { $ref: '#/definitions/extra' } } },
        ],
      });
      expect(merged).to.deep.equal({
        $schema: D07,
        type: 'object',
        'x-note': 'kept',
        definitions: { extra: { type: 'object', properties: { e: { type: 'string' } } } },
        properties: {
          kind: {
            type: 'string',
            oneOf: [
              { const: 'p', title: '个人' },
              { const: 'o', title: '单位' },
            ],
          },
          agent: { type: 'string', 'x-concept': 'person.name' },
          agentId: { type: 'string', 'x-concept': 'person.idNumber' },
          since: { type: 'string' },
          idNumber: { type: 'string' },
          creditCode: { $ref: '#/definitions/extra' },
        },
        dependencies: { agent: ['kind'] },
      });
    });

    it('strips branches from allOf members and lifts their fields, nested ones included', () => {
      const merged = mergeBranchFields({
        type: 'object',
        properties: { a: { type: 'boolean' }, family: { type: 'object', properties: { size: { type: 'integer' } } } },
        allOf: [
          {
            if: { properties: { a: { const: true } } },
            then: { properties: { x: { type: 'string' }, family: { properties: { spouse: { type: 'string' } } } } },
          },
          { properties: { b: { type: 'string' } }, required: ['b'] },
        ],
      });
      expect(merged).to.deep.equal({
        type: 'object',
        properties: {
          a: { type: 'boolean' },
          family: { type: 'object', properties: { size: { type: 'integer' }, spouse: { type: 'string' } } },
          x: { type: 'string' },
        },
        allOf: [{ properties: { b: { type: 'string' } }, required: ['b'] }],
      });
    });

    it('gives a field declared differently by then and else an anyOf', () => {
      const merged = mergeBranchFields({
        type: 'object',
        properties: { a: { type: 'boolean' } },
        if: { properties: { a: { const: true } } },
        then: { properties: { note: { type: 'string', title: '备注' } } },
        else: { properties: { note: { type: 'number' } } },
      });
      expect(merged.properties?.note).to.deep.equal({
        title: '备注',
        anyOf: [{ type: 'string', title: '备注' }, { type: 'number' }],
      });
    });

    it('rewrites branches inside $defs and array items', () => {
      const merged = mergeBranchFields({
        type: 'object',
        $defs: {
          member: {
            type: 'object',
            properties: { k: { type: 'string' } },
            if: { required: ['k'] },
            then: { properties: { m: { type: 'string' } } },
          },
        },
        properties: { members: { type: 'array', items: { $ref: '#/$defs/member' } } },
      });
      expect(merged.$defs?.member).to.deep.equal({
        type: 'object',
        properties: { k: { type: 'string' }, m: { type: 'string' } },
      });
      expect(merged.properties?.members).to.deep.equal({ type: 'array', items: { $ref: '#/$defs/member' } });
    });
  });

  describe('isCompatible', () => {
    it('accepts equal types and formats, and a field without a type', () => {
      expect(
        isCompatible({ type: 'string', format: 'cn-id-number' }, { type: 'string', format: 'cn-id-number' }),
      ).to.deep.equal({ ok: true });
      expect(isCompatible({ title: '姓名' }, { type: 'string' })).to.deep.equal({ ok: true });
      expect(isCompatible({ type: 'string' }, { type: 'string', format: 'cn-mobile' })).to.deep.equal({ ok: true });
      expect(isCompatible({ type: ['string', 'null'] }, { type: ['null', 'string'] })).to.deep.equal({ ok: true });
    });

    it('rejects another type', () => {
      const verdict = isCompatible({ type: 'number' }, { type: 'string' });
      expect(verdict).to.include({ ok: false, reason: 'type' });
      expect(isCompatible({ type: 'integer' }, { type: 'number' })).to.include({ reason: 'type' });
    });

    it('rejects another format where both have one', () => {
      expect(isCompatible({ type: 'string', format: 'email' }, { type: 'string', format: 'cn-mobile' })).to.include({
        ok: false,
        reason: 'format',
      });
    });

    it('requires the field values to be among the concept values', () => {
      const concept: JsonSchemaObject = { type: 'string', enum: ['1', '2', '9'] };
      expect(isCompatible({ type: 'string', enum: ['1', '2'] }, concept)).to.deep.equal({ ok: true });
      expect(isCompatible({ type: 'string', const: '9' }, concept)).to.deep.equal({ ok: true });
      expect(
        isCompatible(
          {
            type: 'string',
            oneOf: [
              { const: '1', title: '男' },
              { const: '2', title: '女' },
            ],
          },
          concept,
        ),
      ).to.deep.equal({ ok: true });
      const verdict = isCompatible({ type: 'string', oneOf: [{ const: '1' }, { const: 'male' }] }, concept);
      expect(verdict).to.include({ ok: false, reason: 'values' });
      expect(verdict.ok ? '' : verdict.detail).to.contain('"male"');
      expect(isCompatible({ type: 'string', enum: ['x'] }, { type: 'string', oneOf: [{ const: 'x' }] })).to.deep.equal({
        ok: true,
      });
      // An unrestricted concept takes any field values; an unrestricted field takes the concept's.
      expect(isCompatible({ type: 'string', enum: ['anything'] }, { type: 'string' })).to.deep.equal({ ok: true });
      expect(isCompatible({ type: 'string' }, concept)).to.deep.equal({ ok: true });
      expect(
        isCompatible({ type: 'object', const: { a: 1, b: 2 } }, { type: 'object', enum: [{ b: 2, a: 1 }] }),
      ).to.deep.equal({ ok: true });
    });
  });
});
