// End-to-end tests against the production build on a fresh local chain (scripts/e2e-stack.ts).
// Ports are picked once in the main process and passed to the workers through the environment.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { findFreePort } from './scripts/lib/local';

process.env.OSO_E2E_APP_PORT ??= String(await findFreePort());
process.env.OSO_E2E_ANVIL_PORT ??= String(await findFreePort());
process.env.OSO_E2E_READY_PORT ??= String(await findFreePort());

const baseURL = `http://127.0.0.1:${process.env.OSO_E2E_APP_PORT}`;
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1, // the tests share one chain
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node_modules/.bin/tsx scripts/e2e-stack.ts',
    // scripts/e2e-stack.ts answers here once the chain, the app and the service agent are ready.
    url: `http://127.0.0.1:${process.env.OSO_E2E_READY_PORT}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
