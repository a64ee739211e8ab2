// Every sample matter, end to end, as a person completes it (matter-walk.test-helpers.ts),
// and what the gateway accepted checked against what the person and the providers gave.
import { expect } from '@open-wc/testing';
import {
  compileSchema,
  getAt,
  type JsonSchemaObject,
  type Matter,
  type MaterialEntry,
  type Submission,
} from '@matterform/core';
import type { MatterForm } from './form/matter-form.js';
import { mockGateways, sampleCatalogue } from './form/form.test-helpers.js';
import { APPLICANTS, complete, sha256, shadow, type Completed } from './matter-walk.test-helpers.js';
import './define.js';

const REFERENCE = /^[ABCDEFGHJKLMNPRSTUVWXY23456789]+$/;
const STATUSES = ['not-applicable', 'onsite', 'licence', 'data', 'uploaded', 'archive', 'expired', 'missing'];
const PROVIDER = /^(licence:[a-z0-9-]+|source:[a-z0-9-]+|archive)$/;

/** Checks what was submitted against what the person and the providers gave. */
async function checkSubmission(matter: Matter, done: Completed): Promise<void> {
  const { receipt, prefills, uploaded, parts } = done;
  const submission: Submission = receipt.submission;
  expect(receipt.reference).to.match(REFERENCE);
  expect(submission.matter).to.deep.equal({ id: matter.id, version: matter.version });
  expect(submission.subject).to.deep.equal(APPLICANTS[matter.id]);
  expect(JSON.stringify(submission), 'the sign-in token is never submitted').to.not.include('demo:');
  const schemaCheck = compileSchema(matter.schema as JsonSchemaObject)(submission.data);
  expect(schemaCheck.errors.map((e) => `${e.pointer}: ${e.message['zh-CN']}`)).to.deep.equal([]);

  // Provenance: each prefilled value still there names the provider that filled it.
  const filled = prefills.flatMap((p) => p.filled);
  expect(filled.length, 'values filled from providers').to.be.greaterThan(0);
  for (const fill of filled) {
    const kept = getAt(submission.data, fill.pointer);
    if (JSON.stringify(kept) !== JSON.stringify(fill.value)) continue;
    expect(submission.provenance[fill.pointer]?.provider, `provenance of ${fill.pointer}`).to.equal(fill.provider);
    expect(submission.provenance[fill.pointer]?.locked).to.equal(fill.locked);
  }
  for (const [pointer, provenance] of Object.entries(submission.provenance)) {
    expect(provenance.provider, pointer).to.match(PROVIDER);
    expect(getAt(submission.data, pointer), `${pointer} has provenance, so it has a value`).to.not.equal(undefined);
    expect(Number.isNaN(Date.parse(provenance.fetchedAt)), `${pointer} fetchedAt`).to.equal(false);
  }

  // Materials: statuses SPEC §3.3 allows, nothing required left missing, files only on uploads.
  const byId = new Map(submission.materials.map((m: MaterialEntry) => [m.id, m]));
  for (const material of matter.materials ?? []) {
    const entry = byId.get(material.id);
    expect(entry, `material ${material.id}`).to.exist;
    expect(STATUSES, `${material.id} status`).to.include(entry?.status);
    if (material.required && entry?.status !== 'not-applicable')
      expect(['missing', 'expired'], `${material.id} is required`).to.not.include(entry?.status);
    if (entry?.by) expect(['licence', 'data', 'archive']).to.include(entry.status);
    if (entry?.files?.length) expect(entry.status, `${material.id} has files`).to.equal('uploaded');
  }

  // Uploaded files: their digests in the entries and as the multipart parts' names and bytes.
  const listed = submission.materials.flatMap((m) => (m.files ?? []).map((f) => ({ material: m.id, ...f })));
  for (const [material, file] of uploaded) {
    const digest = await sha256(file);
    expect(listed, `${material}'s file is listed`).to.deep.include({
      material,
      name: file.name,
      type: file.type,
      size: file.size,
      sha256: digest,
    });
  }
  const fileParts = [...parts.entries()].filter(([name]) => name !== 'submission');
  expect(fileParts.map(([name]) => name).sort()).to.deep.equal(listed.map((f) => f.sha256).sort());
  for (const [name, part] of fileParts) expect(await sha256(part as File), `part ${name}`).to.equal(name);
  const sent = JSON.parse(await (parts.get('submission') as File).text()) as Submission;
  expect(sent.idempotencyKey).to.equal(submission.idempotencyKey);

  expect(submission.payloads.map((p) => p.system)).to.deep.equal((matter.outputs ?? []).map((o) => o.system));
  for (const consent of submission.consents) expect(consent.givenTo).to.equal('host');

  // The gateway keeps it for the applicant to follow.
  const { url } = await mockGateways();
  const tracked = await fetch(`${url}/submissions/${receipt.reference}`, {
    headers: { Authorization: `Bearer demo:${APPLICANTS[matter.id]?.id}` },
  });
  expect(tracked.status, 'GET {action}/{reference}').to.equal(200);
}

describe('<matter-form>: every sample matter, completed and submitted', function () {
  this.timeout(120000);

  it('covers the whole sample catalogue', async () => {
    const ids = (await sampleCatalogue()).matters.map((m) => m.id).sort();
    expect(ids).to.deep.equal(Object.keys(APPLICANTS).sort());
  });

  for (const id of Object.keys(APPLICANTS))
    for (const variant of ['first', 'last'] as const) {
      it(`${id}, taking the ${variant} option of each choice${variant === 'last' ? ' and ticking every box' : ''}`, async () => {
        const matter = (await sampleCatalogue()).matters.find((m) => m.id === id) as Matter;
        const done = await complete(id, variant, true);
        await checkSubmission(matter, done);
        const el = document.querySelector('matter-form') as MatterForm;
        expect(shadow(el).querySelector('[part~="reference"]')?.textContent).to.equal(done.receipt.reference);
        await expect(el).to.be.accessible();
      });
    }
});
