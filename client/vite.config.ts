import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (server/) listens on 4000 in development.
const API_TARGET = process.env.PAT_API_URL ?? 'http://localhost:4000';
const apiProxy = { target: API_TARGET, changeOrigin: false };

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': apiProxy,
      '/healthz': apiProxy,
      '/readyz': apiProxy,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
