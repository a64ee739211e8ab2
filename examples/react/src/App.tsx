// One sample matter (the residence permit) through @matterform/react against the mock gateway,
// with what the React app knows about it beside the form: what was filled, the step, the last
// edit, and the reference once the gateway has the application.
import { useEffect, useState } from 'react';
import {
  MatterForm,
  type MatterInputDetail,
  type MatterPrefillDetail,
  type MatterStepDetail,
  type MatterSubject,
  type MatterSubmittedDetail,
} from '@matterform/react';
import type { Catalogue, Matter } from '@matterform/elements';

const MATTER = 'residence-permit';
/** 合成申请人甲, a synthetic applicant of schemas/catalogue/fixtures.json (no real person). */
const APPLICANT = '430102199003150311';

interface Loaded {
  catalogue: Catalogue;
  matter: Matter;
  subject: MatterSubject;
}

/** The catalogue and the demo sign-in the mock gateway hands out (`GET /api/__mock/subjects`). */
async function load(): Promise<Loaded> {
  const [catalogue, subjects] = await Promise.all([
    fetch('./catalogue.json').then((r) => r.json() as Promise<Catalogue>),
    fetch('./api/__mock/subjects').then(
      (r) => r.json() as Promise<{ subject: { kind: 'person' | 'organization'; id: string }; token: string }[]>,
    ),
  ]);
  const matter = catalogue.matters.find((m) => m.id === MATTER);
  const signIn = subjects.find((s) => s.subject.id === APPLICANT);
  if (!matter || !signIn) throw new Error(`The gateway has no ${MATTER} or no applicant ${APPLICANT}.`);
  return { catalogue, matter, subject: { ...signIn.subject, token: signIn.token } };
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded>();
  const [problem, setProblem] = useState<string>();
  const [prefill, setPrefill] = useState<MatterPrefillDetail>();
  const [step, setStep] = useState<MatterStepDetail>();
  const [lastInput, setLastInput] = useState<MatterInputDetail>();
  const [submitted, setSubmitted] = useState<MatterSubmittedDetail>();

  useEffect(() => {
    load().then(setLoaded, (error: Error) => setProblem(error.message));
  }, []);

  return (
    <main>
      <h1>Apply for a residence permit</h1>
      <p className="lede">
        A React 19 app embedding <code>&lt;matter-form&gt;</code> through <code>@matterform/react</code>. The applicant
        is synthetic; the mock gateway plays the government's data.
      </p>
      <div className="columns">
        <section className="form" aria-label="Application">
          {problem && <p role="alert">Could not load the matter: {problem}</p>}
          {loaded && (
            <MatterForm
              id="form"
              matter={loaded.matter}
              catalogue={loaded.catalogue}
              subject={loaded.subject}
              gateway="./api"
              action="./api/submissions"
              lang="en"
              onMatterPrefill={(e) => setPrefill(e.detail)}
              onMatterStep={(e) => setStep(e.detail)}
              onMatterInput={(e) => setLastInput(e.detail)}
              onMatterSubmitted={(e) => setSubmitted(e.detail)}
              onMatterError={(e) => e.detail.code !== 'matter-invalid' && setProblem(e.detail.message)}
            />
          )}
        </section>
        <aside aria-label="What the app knows">
          <h2>In the app's state</h2>
          <dl>
            <dt>Filled by the gateway</dt>
            <dd id="filled">{prefill ? `${prefill.filled.length} fields` : 'not yet'}</dd>
            <dt>Step</dt>
            <dd id="step">{step ? `${step.index + 1}: ${step.id}` : '1'}</dd>
            <dt>Last edit</dt>
            <dd id="last-input">{lastInput ? `${lastInput.pointer} = ${JSON.stringify(lastInput.value)}` : 'none'}</dd>
          </dl>
          {submitted && (
            <section id="submitted" className="submitted" aria-live="polite">
              <h2>Submitted</h2>
              <p>
                Reference <strong id="reference">{submitted.reference}</strong>, received{' '}
                {new Date(submitted.receivedAt).toLocaleString('en-GB', { timeZone: 'UTC' })} UTC.
              </p>
            </section>
          )}
        </aside>
      </div>
    </main>
  );
}
