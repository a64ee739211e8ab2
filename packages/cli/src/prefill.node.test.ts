import { expect } from 'chai';
import { matterform } from './cli.test-helpers.js';

const SAMPLE = ['schemas/catalogue', '--fixtures', 'schemas/catalogue/fixtures.json'];
const ENGINE = ['test/fixtures/engine/catalogue.json', '--fixtures', 'test/fixtures/engine/fixtures.json'];

/** `matterform prefill` of one matter for one subject, in English. */
const prefillOf = (catalogue: string[], matter: string, subject: string, ...more: string[]) =>
  matterform('prefill', ...catalogue, '--matter', matter, '--subject', subject, '--lang', 'en', ...more);

describe('matterform prefill', () => {
  it('prints what the residence permit form would fill for synthetic applicant A, with providers and materials', async () => {
    const result = await prefillOf(SAMPLE, 'residence-permit', '430102199003150311', '--today', '2026-11-26');
    expect(result.code, result.stderr).to.equal(0);
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).to.deep.equal(['fields', 'materials', 'failed', 'invalid']);
    expect(output.fields['/applicant/name']).to.deep.equal({
      value: '李思远',
      provider: 'licence:resident-id-card',
      locked: true,
    });
    expect(output.fields['/applicant/mobile']).to.deep.equal({
      value: '13907310001',
      provider: 'source:cs-citizen-account',
      locked: true,
      conflicts: [{ provider: 'archive', value: '13907310011' }],
    });
    // Housing is not answered: the branch fields of owned or rented homes are not listed.
    expect(Object.keys(output.fields).some((p) => p.startsWith('/property/') || p.startsWith('/rental/'))).to.equal(
      false,
    );
    expect(output.materials.find((m: { id: string }) => m.id === 'resident-id-card')).to.deep.equal({
      id: 'resident-id-card',
      status: 'licence',
      by: { licence: { type: 'resident-id-card', number: '430102199003150311', validUntil: '2036-04-10' } },
    });
    expect(output.failed).to.deep.equal([]);
  });

  it('reports failures, invalid values and expired materials of the engine test subject', async () => {
    const result = await prefillOf(ENGINE, 'engine-test', '430102199003077433', '--today', '2026-11-26');
    expect(result.code, result.stderr).to.equal(0);
    const output = JSON.parse(result.stdout);
    expect(output.failed).to.deep.include.members([
      { provider: 'source:s-slow', reason: 'timeout' },
      { provider: 'source:s-broken', reason: 'http-500' },
    ]);
    // Every consent is given: the consent source fills.
    expect(output.fields['/income']).to.deep.equal({ value: 8800, provider: 'source:s-consent', locked: true });
    expect(output.invalid).to.deep.equal([
      { pointer: '/contact/mobile', provider: 'source:s-bad-mobile', value: '12345' },
    ]);
    const statuses = Object.fromEntries(output.materials.map((m: { id: string; status: string }) => [m.id, m.status]));
    expect(statuses).to.include({ 't-permit': 'expired', 't-id-card': 'licence', 't-lease': 'not-applicable' });
    // The default "owned" decided the lease and the rental branch.
    expect(output.fields).not.to.have.property('/rental/number');
  });

  it('exits 1 for an unknown matter or subject, and for a subject outside the audience', async () => {
    const unknownMatter = await prefillOf(SAMPLE, 'nope', '430102199003150311');
    expect(unknownMatter.code).to.equal(1);
    expect(unknownMatter.stderr).to.contain('unknown matter "nope"');
    expect(unknownMatter.stdout).to.equal('');

    const unknownSubject = await prefillOf(SAMPLE, 'residence-permit', '430102199003077433');
    expect(unknownSubject.code).to.equal(1);
    expect(unknownSubject.stderr).to.contain('no synthetic subject "430102199003077433"');

    const organization = await prefillOf(SAMPLE, 'residence-permit', '91430100329458172U');
    expect(organization.code).to.equal(1);
    expect(organization.stderr).to.contain('91430100329458172U is an organization');
  });

  it('exits 2 on bad usage', async () => {
    expect((await matterform('prefill', ...SAMPLE, '--matter', 'residence-permit')).code).to.equal(2);
    expect((await matterform('prefill', 'schemas/catalogue', '--matter', 'x', '--subject', 'y')).code).to.equal(2);
    const badDate = await prefillOf(SAMPLE, 'residence-permit', '430102199003150311', '--today', '2026-02-30');
    expect(badDate.code).to.equal(2);
    expect(badDate.stderr).to.contain('--today');
    expect((await matterform('validate', 'schemas/catalogue', '--matter', 'x')).code).to.equal(2);
  });
});
