import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { findChromium } from './tooling/lib/find-browser.mjs'

// The e2e suite runs against the built site (npm run build), served the way a
// static host would serve it, under a base path.
export const BASE = process.env.DECK_BASE ?? '/talk/'
const port = Number(process.env.E2E_PORT ?? 4173)
const devPort = Number(process.env.E2E_DEV_PORT ?? 3041)
const executablePath = findChromium()

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${BASE}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    // The built site, as a static host serves it.
    { name: 'site', testIgnore: /\.dev\.spec\.ts$/ },
    // What only the dev server does (Live Zig compiles).
    { name: 'dev', testMatch: /\.dev\.spec\.ts$/, use: { baseURL: `http://localhost:${devPort}/` } },
  ],
  webServer: [
    {
      command: `node scripts/preview.mjs --dir test-dist --port ${port} --base ${BASE}`,
      url: `http://127.0.0.1:${port}${BASE}`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx slidev --port ${devPort} --open=false`,
      url: `http://localhost:${devPort}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
})
