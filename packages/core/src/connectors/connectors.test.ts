import { expect } from 'chai';
import { combineArchives, connectorFor, mapProvided } from './connecting.js';
import { ProviderError, type Connector } from './connectors.js';

const subject = { kind: 'person' as const, id: '430102199003077433' };
const request = {
  concepts: ['person.mobile'],
  materials: ['photo-1inch'],
  subject,
  signal: new AbortController().signal,
};

describe('connectors', () => {
  it('applies provides pointers, keeping only the concepts asked that the response has', () => {
    const raw = { xm: '测试甲', jzd: { xzqh: '430102' }, sjhm: '13800000001' };
    const provides = {
      'person.name': '/xm',
      'person.residence.region': '/jzd/xzqh',
      'person.mobile': '/sjhm',
      'person.email': '/dzyx',
    };
    expect(
      mapProvided(raw, provides, ['person.name', 'person.residence.region', 'person.email', 'person.unknown']),
    ).to.deep.equal({
      'person.name': '测试甲',
      'person.residence.region': '430102',
    });
  });

  it('recognises a ProviderError from another copy of the package by its registered brand', () => {
    const foreign = Object.defineProperty(new Error('http-502'), Symbol.for('matterform.ProviderError'), {
      value: true,
    });
    expect(foreign instanceof ProviderError).to.equal(true);
    expect(new Error('plain') instanceof ProviderError).to.equal(false);
    expect(new ProviderError('timeout')).to.be.instanceOf(ProviderError);
  });

  it('gives each provider to the first connector that claims it', () => {
    const city: Connector = { sources: ['cs-rental'], source: async () => null };
    const all: Connector = { source: async () => null, licences: async () => [] };
    expect(connectorFor([city, all], 'source:cs-rental')).to.equal(city);
    expect(connectorFor([city, all], 'source:mps-population')).to.equal(all);
    expect(connectorFor([city, all], 'licence:resident-id-card')).to.equal(all);
    expect(connectorFor([city, all], 'archive')).to.equal(undefined);
  });

  it('merges archives, the newer answer and document winning, and survives one failing', async () => {
    const server: Connector = {
      archive: async () => ({
        answers: { 'person.mobile': { value: '13800000001', updatedAt: '2026-01-01T00:00:00Z' } },
        documents: [
          { material: 'photo-1inch', uploadedAt: '2026-05-01', validUntil: '2027-05-01', name: 'server.jpg' },
        ],
      }),
    };
    const browser: Connector = {
      archive: async () => ({
        answers: { 'person.mobile': { value: '13900000002', updatedAt: '2026-06-01T00:00:00Z' } },
        documents: [
          { material: 'photo-1inch', uploadedAt: '2026-03-01', validUntil: '2027-03-01', name: 'browser.jpg' },
        ],
      }),
    };
    const failing: Connector = {
      archive: async () => {
        throw new ProviderError('http-500');
      },
    };
    const merged = await combineArchives(server, failing, browser).archive!(request);
    expect(merged.answers['person.mobile']?.value).to.equal('13900000002');
    expect(merged.documents.map((d) => d.name)).to.deep.equal(['server.jpg']);

    let error: unknown;
    await combineArchives(failing).archive!(request).catch((e) => (error = e));
    expect((error as ProviderError).reason).to.equal('http-500');
  });
});
