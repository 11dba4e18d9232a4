import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WxtVitest does not apply wxt.config's vite plugins, so preact() is added again here.
  plugins: [WxtVitest(), preact()],
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    server: { deps: { inline: ['zustand'] } },
    testTimeout: 20_000,
  },
});
