import { expect } from 'chai';
import type { Matter } from '../generated/catalogue.js';
import { collectFields } from './fields.js';
import type { JsonSchemaObject } from './json-schema.js';
import { layoutSteps } from './layout.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    applicant: { type: 'object', properties: { name: { type: 'string' }, phone: { type: 'string' } } },
    housing: { type: 'string' },
    note: { type: 'string' },
  },
};

const matterWith = (layout?: Matter['layout']): Matter =>
  ({ id: 'm', version: '1.0.0', title: '事项', authority: '局', schema, ...(layout ? { layout } : {}) }) as Matter;

const layoutOf = (matter: Matter) => layoutSteps(matter, collectFields(matter.schema as JsonSchemaObject));

describe('layoutSteps (SPEC §3.2)', () => {
  it('names each step by its id, else step-<n> from 1, then adds materials and review', () => {
    const layout = layoutOf(
      matterWith({
        steps: [
          { id: 'applicant', title: '申请人', fields: ['/applicant'] },
          { title: '住房', fields: ['/housing'] },
        ],
      }),
    );
    expect(layout.steps.map((s) => s.id)).to.deep.equal(['applicant', 'step-2', 'materials', 'review']);
  });

  it('appends the fields in no step to the last of the matter’s steps, and names them', () => {
    const layout = layoutOf(matterWith({ steps: [{ title: '申请人', fields: ['/applicant/name'] }] }));
    expect(layout.steps[0]?.pointers).to.deep.equal(['/applicant/name', '/applicant/phone', '/housing', '/note']);
    expect(layout.unplaced).to.deep.equal(['/applicant/phone', '/housing', '/note']);
  });

  it('without a layout, draws every top-level field on one step-1 titled as the matter', () => {
    const layout = layoutOf(matterWith());
    expect(layout.steps.map((s) => [s.id, s.pointers])).to.deep.equal([
      ['step-1', ['/applicant', '/housing', '/note']],
      ['materials', []],
      ['review', []],
    ]);
    expect(layout.steps[0]?.title).to.equal('事项');
    expect(layout.unplaced).to.deep.equal([]);
  });
});
