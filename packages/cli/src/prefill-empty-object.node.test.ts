// `matterform prefill` treats an object with no value yet as present and empty (SPEC §3.1
// "Conditions"), as the form does: its `else` branch applies, and is filled, until `use` is answered.
import { expect } from 'chai';
import { matterform } from './cli.test-helpers.js';

const CATALOGUE = [
  'test/fixtures/empty-object/catalogue.json',
  '--fixtures',
  'test/fixtures/empty-object/fixtures.json',
];

describe('matterform prefill: a condition inside an object with no value yet', () => {
  it("fills the else branch's field of the optional group, and leaves the phone material out", async () => {
    const result = await matterform(
      'prefill',
      ...CATALOGUE,
      '--matter',
      'contact-choice',
      '--subject',
      '430102199003077433',
      '--today',
      '2026-11-26',
      '--lang',
      'en',
    );
    expect(result.code, result.stderr).to.equal(0);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output.fields)).to.deep.equal(['/contact/email']);
    expect(output.fields['/contact/email']).to.include({ value: 'ceshi@example.com', provider: 'source:s-city' });
    expect(output.materials).to.deep.equal([{ id: 'phone-bill', status: 'not-applicable' }]);
  });
});
