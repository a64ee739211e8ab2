// The problems panel says what `validate` says about an annotation of the wrong type: the
// error at the annotation's pointer, and no advice built on a schema that cannot be read.
import { expect } from 'chai';
import type { Catalogue, Matter } from '@matterform/core';
import { problemsOf } from './problems.js';
import { sampleCatalogue, sampleMatter } from '../edits/edits.test-helpers.js';

describe('problems panel: annotation values', () => {
  let catalogue: Catalogue;
  let matter: Matter;
  before(async () => {
    catalogue = await sampleCatalogue();
    matter = await sampleMatter('residence-permit');
  });

  it('has no error for a sample matter', () => {
    expect(problemsOf(matter, catalogue).filter((p) => p.severity === 'error')).to.deep.equal([]);
  });

  it('lists each annotation of the wrong type with its pointer, and nothing else', () => {
    const broken = structuredClone(matter) as Matter & { schema: Record<string, unknown> };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching into the sample schema by path
    const name = (broken.schema as any).properties.applicant.properties.name;
    name['x-widget'] = {};
    name['x-enumTitles'] = true;
    name['x-i18n'] = { en: 'Name' };
    const found = problemsOf(broken, catalogue).map((p) => [p.severity, p.pointer, p.message.en]);
    const at = '/schema/properties/applicant/properties/name';
    expect(found).to.have.deep.members([
      ['error', `${at}/x-widget`, '"x-widget" must be of type string'],
      ['error', `${at}/x-enumTitles`, '"x-enumTitles" must be of type array'],
      ['error', `${at}/x-i18n/en`, '"en" must be of type object'],
    ]);
    expect(found).to.have.length(3);
  });
});
