// The simulated sign-in of this page (a real site has its own): the mock gateway's synthetic
// people, and its session cookie for the one chosen. The forms are set up by attributes alone.
const COOKIE = 'matterform_session';

const select = document.getElementById('signin-subject');
const status = document.getElementById('signin-status');
const signedIn = document.cookie
  .split('; ')
  .find((pair) => pair.startsWith(`${COOKIE}=`))
  ?.slice(COOKIE.length + 1);

const response = await fetch('/api/__mock/subjects');
const subjects = response.ok ? await response.json() : [];
for (const { subject, label, token } of subjects.filter((s) => s.subject.kind === 'person')) {
  const option = document.createElement('option');
  option.value = token;
  option.textContent = `${label.split(':')[0]} · ${subject.id.slice(0, 4)}**********${subject.id.slice(-4)}`;
  option.selected = decodeURIComponent(signedIn ?? '') === token;
  select.append(option);
}
status.textContent = signedIn ? 'Signed in: the form below fills itself.' : 'Not signed in: nothing is filled.';

document.getElementById('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  document.cookie = `${COOKIE}=${encodeURIComponent(select.value)}; path=/; SameSite=Strict`;
  // The form asks who is signed in when it loads.
  location.reload();
});

// The plain-schema form has no action: what it would send is shown, as text.
document.getElementById('feedback').addEventListener('matter-submit', (event) => {
  const shown = document.getElementById('feedback-data');
  shown.textContent = JSON.stringify(event.detail.submission.data, null, 2);
  shown.hidden = false;
});
