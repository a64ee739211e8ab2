/* global document */
// The static demo: <matter-form> over the sample catalogue, filled for a synthetic applicant
// by staticConnector from the sample fixtures — what the mock gateway would answer, worked
// out in the page, since a static host has no gateway. Data reaches the page through DOM
// properties and textContent only.
import { staticConnector } from './matterform.js';

const form = document.getElementById('form');
const matterSelect = document.getElementById('matter');
const subjectSelect = document.getElementById('subject');
const output = document.getElementById('submission');
const outputSection = document.getElementById('submission-section');
const status = document.getElementById('status');

const getJson = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
};
const text = (value) => (typeof value === 'string' ? value : (value?.en ?? value?.['zh-CN'] ?? ''));
const option = (value, label) => Object.assign(document.createElement('option'), { value, textContent: label });

try {
  const [catalogue, fixtures] = await Promise.all([getJson('data/catalogue.json'), getJson('data/fixtures.json')]);
  const connectors = [staticConnector({ catalogue, fixtures })];
  matterSelect.replaceChildren(...catalogue.matters.map((m) => option(m.id, `${text(m.title)} · ${m.id}`)));

  /** The synthetic applicants the matter is for (a company's matter: companies; else people). */
  const fillSubjects = (matter) => {
    const audience = matter.audience ?? ['person'];
    const fits = fixtures.subjects.filter((s) => audience.includes(s.subject.kind));
    const previous = subjectSelect.value;
    subjectSelect.replaceChildren(
      ...fits.map((s, i) => option(String(fixtures.subjects.indexOf(s)), s.label ?? `#${i + 1}`)),
    );
    if ([...subjectSelect.options].some((o) => o.value === previous)) subjectSelect.value = previous;
  };

  const show = () => {
    const matter = catalogue.matters.find((m) => m.id === matterSelect.value);
    const subject = fixtures.subjects[Number(subjectSelect.value)]?.subject;
    outputSection.hidden = true;
    form.catalogue = catalogue;
    form.connectors = connectors;
    form.subject = subject;
    form.matter = matter;
    status.textContent = `${text(matter.title)} — ${subjectSelect.selectedOptions[0]?.textContent ?? ''}`;
  };

  matterSelect.addEventListener('change', () => {
    fillSubjects(catalogue.matters.find((m) => m.id === matterSelect.value));
    show();
  });
  subjectSelect.addEventListener('change', show);
  // No `action` on a static host: the form hands the submission to the page instead of sending it.
  form.addEventListener('matter-submit', (event) => {
    output.textContent = JSON.stringify(event.detail.submission, null, 2);
    outputSection.hidden = false;
    outputSection.scrollIntoView();
  });

  matterSelect.value = 'residence-permit';
  fillSubjects(catalogue.matters.find((m) => m.id === matterSelect.value));
  show();
} catch (error) {
  status.textContent = `The demo could not load: ${error.message}`;
}
