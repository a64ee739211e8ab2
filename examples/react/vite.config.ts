// The example talks to a mock gateway (`matterform serve`, SPEC §6) as a department site does:
// same origin, under /api. In development Vite forwards /api and /catalogue.json to it; a built
// copy is served by the gateway itself (`matterform serve … --site examples/react/dist`).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const gateway = process.env.MATTERFORM_GATEWAY ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
  // Relative URLs: the built page works under any path the gateway serves it from.
  base: './',
  server: {
    host: '127.0.0.1',
    proxy: { '/api': gateway, '/catalogue.json': gateway },
  },
});
