// @ts-check
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The public address is set at deploy time; without it, links stay relative.
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    locales: ['fi', 'sv', 'en'],
    defaultLocale: 'fi',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  vite: {
    // Pages import the precomputed data through this alias, so a build from another data folder
    // (tests, other programmes) can keep its own generated files.
    resolve: { alias: { '@generated': resolve(process.env.DASHBOARD_GENERATED_DIR ?? 'src/generated') } },
    // Scripts stay external files so the Content-Security-Policy needs no 'unsafe-inline'.
    build: { assetsInlineLimit: 0 },
  },
});
