// The mock gateway from a real browser: another origin than the page's, so every call below
// goes through CORS — the preflight for the Authorization and Content-Type headers included.
import { expect } from 'chai';

const APPLICANT = '430102199003150311';

async function gatewayUrl(): Promise<string> {
  const { url } = (await (await fetch('/__gateway')).json()) as { url: string };
  expect(new URL(url).origin).not.to.equal(location.origin);
  return url;
}

describe('mock gateway from Chromium', () => {
  it('answers the subject and a source cross-origin with a bearer token', async () => {
    const url = await gatewayUrl();
    const headers = { Authorization: `Bearer demo:${APPLICANT}` };
    const subject = await fetch(`${url}/subject`, { headers });
    expect(subject.status).to.equal(200);
    expect(await subject.json()).to.deep.equal({ kind: 'person', id: APPLICANT });

    const source = await fetch(`${url}/sources/mps-population`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ concepts: ['person.name', 'person.birthDate'], purpose: 'residence-permit' }),
    });
    expect(source.status).to.equal(200);
    const answer = (await source.json()) as { values: Record<string, unknown>; signatures: Record<string, string> };
    expect(answer.values).to.deep.equal({ 'person.name': '李思远', 'person.birthDate': '1990-03-15' });
    expect(answer.signatures['person.name']).to.match(/^v1\.[A-Za-z0-9_-]+\.\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\./);
  });

  it('lets the page read a 401 (CORS headers on errors too)', async () => {
    const response = await fetch(`${await gatewayUrl()}/subject`);
    expect(response.status).to.equal(401);
    expect(await response.json()).to.have.property('error');
  });
});
