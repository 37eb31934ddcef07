import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// The server serves dist/ under a strict CSP (script-src 'self'): the build must never emit
// inline scripts, which Vite does not do for production builds.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Browsers with native CSS light-dark() (2024 on). An older target makes the CSS minifier
    // rewrite light-dark() into variables that only its own color-scheme rules set, and Mantine sets
    // the scheme by attribute: every light-dark() background then came out transparent (the phone
    // navigation drawer, the gap bands; issue 18).
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:4242', changeOrigin: false } },
  },
});
