// The designer's fallback page, shared by `matterform design` and `matterform serve`: what
// /designer/ shows where the package has no examples/designer folder (an installed CLI).
/**
 * The designer page when no page folder is given: it loads the designer bundle from
 * `/dist/`, reads `setup.json` beside it, and opens the matters of the store — the folder's
 * (`matterform design`) or an in-browser copy of the catalogue (`matterform serve`). Above the
 * designer, `<matter-catalogue>` (folded away once a matter is open): choosing a matter there
 * opens it below.
 */
export function designerPage(mode: 'folder' | 'copy'): string {
  const heading =
    mode === 'folder'
      ? 'matterform 设计器 · designer'
      : 'matterform 设计器 · designer（浏览器内副本 · in-browser copy）';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>matterform designer</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; }
  header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; padding: 0.5rem 1rem; border-bottom: 1px solid #ccc; }
  h1 { font-size: 1.1rem; margin: 0; }
  header label { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; align-items: center; max-width: 100%; }
  select, button { min-height: 32px; font: inherit; max-width: 100%; }
  #status { margin: 0; }
  #catalogue-view { padding: 0.5rem 1rem; border-bottom: 1px solid #ccc; }
  @media (max-width: 40em) { #catalogue-view { padding-inline: 0.5rem; } }
  #catalogue-view > summary { font-weight: 600; cursor: pointer; }
</style>
</head>
<body>
<header>
  <h1>${heading}</h1>
  <label>事项 · Matter <select id="matters"></select></label>
  <button type="button" id="new">新建 · New</button>
  <p id="status" role="status"></p>
</header>
<main>
<details id="catalogue-view" open><summary>目录与四色 · Catalogue and four colours</summary><matter-catalogue></matter-catalogue></details>
<matter-designer></matter-designer>
</main>
<script type="module">
  const status = document.getElementById('status');
  const select = document.getElementById('matters');
  const designer = document.querySelector('matter-designer');
  const catalogueView = document.getElementById('catalogue-view');
  try {
    const bundle = await import('/dist/matterform-designer.js');
    const setup = await (await fetch('setup.json')).json();
    const catalogue = await (await fetch(setup.catalogue)).json();
    const store = setup.store
      ? bundle.httpDesignStore({ base: setup.store })
      : bundle.createDesignStore({ catalogue });
    designer.catalogue = catalogue;
    document.querySelector('matter-catalogue').catalogue = catalogue;
    if (setup.gateway) designer.gateway = setup.gateway;
    designer.store = store;
    const fill = async (chosen) => {
      select.replaceChildren();
      for (const entry of await store.list()) {
        const option = document.createElement('option');
        option.value = entry.id;
        const title = typeof entry.title === 'string' ? entry.title : entry.title['zh-CN'];
        option.textContent = entry.id + ' · ' + title + ' (' + entry.state + ')';
        select.append(option);
      }
      if (chosen) select.value = chosen;
    };
    const open = async (id) => {
      const loaded = await store.load(id);
      designer.matter = loaded.draft ?? loaded.live;
    };
    select.addEventListener('change', () => void open(select.value));
    catalogueView.addEventListener('matter-open', async (event) => {
      select.value = event.detail.id;
      await open(event.detail.id);
      catalogueView.open = false;
      designer.scrollIntoView();
    });
    document.getElementById('new').addEventListener('click', async () => {
      const id = prompt('新事项标识 · New matter id (a-z, 0-9, -)');
      if (!id) return;
      try {
        const draft = await bundle.createMatter(store, { id });
        await fill(draft.id);
        designer.matter = draft;
      } catch (error) {
        status.textContent = error.message;
      }
    });
    await fill();
    if (select.value) await open(select.value);
  } catch (error) {
    status.textContent = '设计器无法加载 · The designer could not load: ' + error.message;
  }
</script>
</body>
</html>
`;
}
