/* global document, customElements, structuredClone */
// The static designer: <matter-catalogue> and <matter-designer> over the sample catalogue,
// loaded as JSON beside the page. With no gateway the preview is not filled, and edits live
// in the page only (nothing is saved).
const catalogueElement = document.getElementById('catalogue');
const designer = document.getElementById('designer');
const select = document.getElementById('matter');
const status = document.getElementById('status');

const text = (value) => (typeof value === 'string' ? value : (value?.en ?? value?.['zh-CN'] ?? ''));

try {
  await Promise.all([customElements.whenDefined('matter-designer'), customElements.whenDefined('matter-catalogue')]);
  const response = await fetch('data/catalogue.json');
  if (!response.ok) throw new Error(`data/catalogue.json: HTTP ${response.status}`);
  const catalogue = await response.json();
  catalogueElement.catalogue = catalogue;
  designer.catalogue = catalogue;
  select.replaceChildren(
    ...catalogue.matters.map((m) =>
      Object.assign(document.createElement('option'), { value: m.id, textContent: `${text(m.title)} · ${m.id}` }),
    ),
  );
  const open = (id) => {
    select.value = id;
    designer.matter = structuredClone(catalogue.matters.find((m) => m.id === id));
    status.textContent = `Opened ${id} (changes live in this page only)`;
  };
  select.addEventListener('change', () => open(select.value));
  // Choosing a matter in the catalogue opens it in the designer below.
  catalogueElement.addEventListener('matter-open', (event) => {
    open(event.detail.id);
    document.getElementById('designer-heading').scrollIntoView();
  });
  open('residence-permit');
} catch (error) {
  status.textContent = `The designer could not load: ${error.message}`;
}
