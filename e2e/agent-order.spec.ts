// The reference service agent (collaborators/service, started by scripts/e2e-stack.ts) answers a
// browser order: the buyer sees the delivered result on /orders, and it is the job's computation.
// Prints the time from the order click to the result on screen (not asserted: it depends on the
// machine). Accounts: #18 buys (other specs leave #18 and #19 alone); the agent sells.
import { expect, test } from '@playwright/test';
import { agentAccounts, devAccounts } from '../lib/devAccounts';
import { uriOf } from '../lib/content';
import { REFERENCE_PROGRAMS } from '../collaborators/reference';
import { textStatisticsJob } from '../collaborators/service/jobs/textStatistics';
import { expectedResult } from '../collaborators/service/resultDocument';
import { serviceIdByTitle } from './chain';
import { connectDevWallet } from './wallet';

const BUYER = 18;
const AGENT = agentAccounts.service.address;

test('a browser order of the service agent is delivered within seconds and the buyer sees the correct result', async ({ page }) => {
  const serviceId = await serviceIdByTitle(AGENT, textStatisticsJob.title);
  await page.goto(`/services/${serviceId}`);
  await connectDevWallet(page, BUYER);
  const request = `Anyone may run a collaborator. The rules are the same for every program!\n\nRun ${Date.now()}: count these words, please.`;
  await page.getByLabel('Your request').fill(request);

  const clicked = Date.now();
  await page.getByRole('button', { name: /^Order for/ }).click();
  await expect(page).toHaveURL(/\/orders$/);
  const card = page.getByRole('region', { name: 'As buyer' }).getByTestId('order').first();
  const shown = card.getByTestId('result-text');
  await expect(shown).toBeVisible({ timeout: 30_000 });
  const elapsed = Date.now() - clicked;
  console.log(`agent-order: click → delivered result visible in ${elapsed} ms`);

  await expect(card.getByTestId('order-state')).toHaveText('Delivered');
  const orderId = BigInt((await card.getAttribute('data-order-id')) ?? '0');
  const requestURI = await uriOf(new TextEncoder().encode(request));
  const expected = expectedResult(textStatisticsJob, orderId, requestURI, new TextEncoder().encode(request));
  expect(expected.document.ok).toBe(true);
  expect(JSON.parse((await shown.textContent()) ?? '')).toEqual(JSON.parse(expected.text));
  await expect(card.getByTestId('result-hash')).toHaveText(expected.hash);
  await expect(card.getByTestId('result-hash-check')).toHaveAttribute('data-matches', 'true');
});

test("the service agent's profile says its source hash matches this repository's code", async ({ page }) => {
  await page.goto(`/collaborators/${AGENT}`);
  const section = page.getByRole('region', { name: 'Reference source' });
  await expect(section.getByTestId('source-verdict')).toHaveAttribute('data-verdict', 'matches');
  await expect(section.getByTestId('source-verdict')).toContainText('Matches collaborators/service in this repository.');
  await expect(section.getByTestId('source-uri').getByRole('link')).toHaveAttribute('href', /^\/api\/content\/bafkrei[a-z2-7]+$/);
  await expect(section.getByTestId('source-hash')).toHaveText(/^0x[0-9a-f]{64}$/);

  // The manifest behind the link is the one the hash commits to and lists the agent's files.
  const href = (await section.getByTestId('source-uri').getByRole('link').getAttribute('href')) ?? '';
  const manifest = (await (await page.request.get(href)).json()) as { name: string; files: { path: string }[] };
  expect(manifest.name).toBe(REFERENCE_PROGRAMS.service.manifestName);
  expect(manifest.files.map((f) => f.path)).toContain('collaborators/service/agent.ts');
});

test('a collaborator that is not a reference program gets no verdict', async ({ page }) => {
  await page.goto(`/collaborators/${devAccounts[3]!.address}`); // Northwind, a seeded collaborator
  await expect(page.getByRole('region', { name: 'Reference source' })).toBeVisible();
  await expect(page.getByTestId('source-verdict')).toHaveCount(0);
});
