import { expect } from 'chai';
import { getAt, parsePointer } from './pointer.js';

describe('JSON Pointer: getAt', () => {
  const document = { '': { '': 'empty keys' }, 'a/b': { 'm~n': 1 }, list: [10, 20], nested: { list: [{ x: 'y' }] } };

  it('follows every token as RFC 6901 reads it', () => {
    expect(getAt(document, '')).to.equal(document);
    expect(getAt(document, '/')).to.deep.equal({ '': 'empty keys' });
    expect(getAt(document, '//')).to.equal('empty keys');
    expect(getAt(document, '/a~1b/m~0n')).to.equal(1);
    expect(getAt(document, '/list/1')).to.equal(20);
    expect(getAt(document, '/nested/list/0/x')).to.equal('y');
  });

  it('gives undefined for what is not there, and follows no inherited property or odd index', () => {
    expect(getAt(document, '/missing/x')).to.equal(undefined);
    expect(getAt(document, '/list/01')).to.equal(undefined);
    expect(getAt(document, '/list/-')).to.equal(undefined);
    expect(getAt(document, '/list/length')).to.equal(undefined);
    expect(getAt(document, '/toString')).to.equal(undefined);
    expect(getAt(document, '/nested/list/0/x/')).to.equal(undefined);
  });

  it('agrees with parsePointer on what is a pointer', () => {
    expect(() => getAt(document, 'list')).to.throw(SyntaxError, 'not a JSON Pointer');
    expect(() => parsePointer('list')).to.throw(SyntaxError, 'not a JSON Pointer');
    expect(parsePointer('/a~1b/m~0n/')).to.deep.equal(['a/b', 'm~n', '']);
  });
});
