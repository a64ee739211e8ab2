// The designer's store reads request bodies with the gateway's reader (issue 17): deeply
// nested JSON answered 500, `1e999` was saved as `null`, and a lone surrogate was written to
// disk. Each is now a 400 that leaves the folder as it was; an oversized body is a 413.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { LIMITS } from '@matterform/core';
import { sampleCatalogue } from './cli.test-helpers.js';
import { startDesignServer, type RunningDesignServer } from './design.js';

let root: string;
let dir: string;
let server: RunningDesignServer;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'matterform-design-bodies-'));
  dir = join(root, 'catalogue');
  await cp(sampleCatalogue, dir, { recursive: true });
  server = await startDesignServer({ dir, port: 0, now: () => new Date('2026-03-04T05:06:07.000Z') });
});

afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** PUTs `text` as the draft of residence-permit: the status and the error's message. */
async function putDraft(text: string): Promise<{ status: number; message: string | undefined }> {
  const response = await fetch(new URL('/store/matters/residence-permit/draft', server.url), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: text,
  });
  const body = (await response.json()) as { error?: { message?: string } };
  return { status: response.status, message: body.error?.message };
}

const drafts = () => readdir(join(dir, 'drafts')).catch(() => [] as string[]);

/** The sample matter's text with `value` as its description, spliced in as raw JSON text. */
async function matterWith(value: string): Promise<string> {
  const response = await fetch(new URL('/store/matters/residence-permit', server.url));
  const { live } = (await response.json()) as { live: Record<string, unknown> };
  return JSON.stringify({ ...live, description: '@@' }).replace('"@@"', value);
}

describe('matterform design: request bodies', () => {
  it('saves a sound draft', async () => {
    expect((await putDraft(await matterWith('"a draft"'))).status).to.equal(200);
    expect(await drafts()).to.deep.equal(['residence-permit.json']);
  });

  it('answers 400, not 500, to JSON nested deeper than the limit, and writes nothing', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const answer = await putDraft(await matterWith(deep));
    expect(answer.status).to.equal(400);
    expect(answer.message).to.equal(`the body is not I-JSON: it nests deeper than ${LIMITS.documentDepth} levels`);
    expect(await drafts()).to.deep.equal([]);
  });

  it('answers 400 to a number beyond a double (1e999), rather than saving it as null', async () => {
    const answer = await putDraft(await matterWith('{ "fee": 1e999 }'));
    expect(answer).to.deep.equal({
      status: 400,
      message: 'the body is not I-JSON: a number is too large for a double',
    });
    expect(await drafts()).to.deep.equal([]);
  });

  it('answers 400 to a lone surrogate and to bytes that are not UTF-8', async () => {
    expect(await putDraft(await matterWith('"\\ud800"'))).to.deep.equal({
      status: 400,
      message: 'the body is not I-JSON: a string has a lone surrogate',
    });
    const response = await fetch(new URL('/store/matters/residence-permit/draft', server.url), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: new Uint8Array([0x22, 0xff, 0x22]),
    });
    expect(response.status).to.equal(400);
    expect(await drafts()).to.deep.equal([]);
  });

  it('answers 413 to a body larger than a document may be', async () => {
    const answer = await putDraft(await matterWith(JSON.stringify('x'.repeat(LIMITS.documentBytes))));
    expect(answer).to.deep.equal({
      status: 413,
      message: `the body is larger than ${LIMITS.documentBytes} bytes`,
    });
    expect(await drafts()).to.deep.equal([]);
  });
});
