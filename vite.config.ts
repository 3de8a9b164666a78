// Vite build and dev server for Raft Lab, plus the Vitest unit-test settings.
// COOP/COEP make the page cross-origin isolated, which gives performance.now() 5 µs
// resolution in Chromium instead of 100 µs (see the toolchain notes).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    // The core's invariants are asserted after every step in every unit test.
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
  },
});
