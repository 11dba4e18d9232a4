import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Dev/test builds carry this public key so the extension id is fixed (kgomdbfplngcojfapkcmaphjodkikmkg): the e2e tests and
 * the enterprise-policy examples name it. Store builds (STORE_BUILD=1) drop it: stores assign their own.
 */
const DEV_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAleNQUoi6l/Rd+w283NgnJ1n0QhD9VbmBpkvNWH5QuNK/uE09OpqBVRc/WisjT7rrxOOLe6X9GrcyVMPgFGiOpM2lrh9T03XJ+B9reTGzgPIpdsyruN8YPpys44iKcpKxVrG38rPzTZJotLvG1PNXzgefI/QcvoyeJ/55MPm5kaM9zQoRQDZYIuwZWp7RXTmF+tgA8lpY3Vsy/9n+YtTiiqdUXfkuzUF83nJ1KXZcQrbyzB53KU+5mXmoDV16/SKkcrN/6doPpvo+Ukr63dTaVi6PdGZRLCocq7pMoJFgWY8g+fP6+MTpWWGSNxZkj9ZCrFy0LdFeEq7d3tPgmOu16wIDAQAB';

export const HELPDESK_MATCHES = ['*://*.zendesk.com/*', '*://*.freshdesk.com/*'];

/**
 * Dev/test builds also hold the reserved test domain (RFC 2606) as a granted host, so the e2e tests can add it as
 * a custom domain: Chrome grants an already-held permission without its prompt, which no automation can answer.
 * Everything after the prompt (storing the domain, registering content scripts, reading the page) runs as for
 * a real custom domain. Store builds drop it.
 */
const TEST_CUSTOM_DOMAIN = 'https://support.example.com/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  vite: () => ({
    plugins: [preact()],
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
    build: { chunkSizeWarningLimit: 1500, minify: process.env.CALMDESK_NO_MINIFY ? false : undefined },
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      if (process.env.STORE_BUILD) {
        delete (manifest as { key?: string }).key;
      } else if (manifest.manifest_version === 3) {
        manifest.host_permissions = [...(manifest.host_permissions ?? []), TEST_CUSTOM_DOMAIN];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'tabs',
      'scripting',
      'contextMenus',
      'alarms',
      ...(browser === 'chrome' ? ['sidePanel'] : []),
    ],
    host_permissions: HELPDESK_MATCHES,
    optional_host_permissions: ['https://*/*'],
    action: { default_title: 'Calmdesk' },
    commands: {
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Open the Calmdesk panel',
      },
      'insert-top': {
        suggested_key: { default: 'Alt+Shift+1' },
        description: 'Insert the top suggestion',
      },
    },
    ...(browser === 'chrome'
      ? { key: DEV_KEY, minimum_chrome_version: '137', storage: { managed_schema: 'managed_schema.json' } }
      : {
          // Firefox MV2 has no optional_host_permissions: custom domains are requested as optional origins.
          optional_permissions: ['https://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'calmdesk@calmdesk.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }),
  }),
});
