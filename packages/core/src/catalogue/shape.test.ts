import { expect } from 'chai';
import type { Catalogue, Matter } from '../generated/catalogue.js';
import { formatProblem } from './problems.js';
import { catalogueShapeProblem, matterShapeProblem } from './shape.js';

const matter = { id: 'm', version: '1.0.0', title: '事项', authority: '局', schema: { type: 'object' } } as Matter;

describe('the shape a form needs of a matter and a catalogue', () => {
  it('accepts a matter with id, version, title and an object schema', () => {
    expect(matterShapeProblem(matter)).to.equal(undefined);
    expect(catalogueShapeProblem({ concepts: [], sources: [], licences: [], matters: [] } as Catalogue)).to.equal(
      undefined,
    );
  });

  it('names what is missing or wrong, with the matter, a pointer and both languages', () => {
    const { version: _version, ...noVersion } = matter;
    const missing = matterShapeProblem(noVersion as Matter);
    expect(missing && formatProblem(missing, 'en')).to.equal('m: /version: is missing');
    const notObject = matterShapeProblem({ ...matter, schema: { type: 'array' } } as unknown as Matter);
    expect(notObject).to.include({ code: 'matter-invalid', file: 'm', pointer: '/schema' });
    expect(notObject?.message['zh-CN']).to.match(/[\u4e00-\u9fff]/);
    expect(matterShapeProblem(undefined)?.code).to.equal('matter-invalid');
    expect(catalogueShapeProblem({ concepts: [] } as unknown as Catalogue)).to.include({
      code: 'catalogue-invalid',
      pointer: '/sources',
    });
  });
});
