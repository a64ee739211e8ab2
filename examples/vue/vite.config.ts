// Vue compiles `<matter-…>` tags as custom elements (the browser's, defined by
// @matterform/elements), not as Vue components. The mock gateway (`matterform serve`, SPEC §6)
// is reached as a department site reaches it, same origin under /api: in development Vite
// forwards /api and /catalogue.json to it; a built copy is served by the gateway itself.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const gateway = process.env.MATTERFORM_GATEWAY ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('matter-') } } })],
  // Relative URLs: the built page works under any path the gateway serves it from.
  base: './',
  server: {
    host: '127.0.0.1',
    proxy: { '/api': gateway, '/catalogue.json': gateway },
  },
});
