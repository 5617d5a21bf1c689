// A council proposal made with the wizard upgrades the live Marketplace proxy to MarketplaceV2 and
// publishes its terms of service in the same call (upgradeToAndCall → initializeV2); it is voted,
// queued and executed after chain time passes, and the app keeps working: the same orders in the
// same states on /orders, a service page, a new order. Runs after the other specs (it moves chain
// time by more than a day) and before zz-governance.spec.ts, which leaves the council for the democracy.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { devAccounts } from '../lib/devAccounts';
import { advanceTime, codeHashAt, councilVote, deployed, governanceTimes, latestProposalId, marketplaceV2State } from './chain';
import { connectDevWallet } from './wallet';

const RELAY = 6; // Relay Treasury Agent: a seeded buyer with orders in several states
const TERMS = '# OSO marketplace terms\n\nSellers deliver within the delivery window; buyers review within the review window; disputes go to the court.';

async function asAccount(browser: Browser, index: number, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await connectDevWallet(page, index);
  return page;
}

/** The orders listed on /orders, as "id:state" in page order. */
async function listedOrders(page: Page): Promise<string[]> {
  await expect(page.getByTestId('order').first()).toBeVisible();
  return page.getByTestId('order').evaluateAll((cards) => cards.map((c) => `${c.getAttribute('data-order-id')}:${c.getAttribute('data-state')}`));
}

test('a council proposal upgrades the Marketplace to V2 with terms, and every order survives', async ({ browser }) => {
  test.setTimeout(120_000);
  const v2 = deployed('MarketplaceV2Implementation');
  const buyer = await asAccount(browser, RELAY, '/orders');
  const before = await listedOrders(buyer);
  expect(before.length).toBeGreaterThan(1);

  // Dev account 0 (on the council) proposes the upgrade with the wizard.
  const proposer = await asAccount(browser, 0, '/governance/new');
  await proposer.getByLabel('What to change').selectOption('upgrade');
  await proposer.getByLabel('Module to upgrade').selectOption('Marketplace');
  // An address without code is refused.
  await proposer.getByLabel('New implementation address').fill(devAccounts[19]!.address);
  await expect(proposer.getByTestId('proposal-preview')).toHaveText('There is no contract at that address: refusing to upgrade to it.');
  await expect(proposer.getByTestId('code-hash')).toHaveText('No contract at this address.');
  // The deployed MarketplaceV2 is offered, with the hash of its code.
  await proposer.getByRole('button', { name: 'Use MarketplaceV2' }).click();
  await expect(proposer.getByLabel('New implementation address')).toHaveValue(v2);
  await expect(proposer.getByTestId('code-hash')).toContainText(`${await codeHashAt(v2)} — the deployed MarketplaceV2`);
  await proposer.getByLabel(/^Terms of service/).fill(TERMS);
  await expect(proposer.getByTestId('proposal-preview')).toContainText(`Marketplace.upgradeToAndCall(MarketplaceV2 at ${v2}, initializeV2(ipfs://`);
  await proposer.getByLabel('Description (first line is the title)').fill('Marketplace V2: published terms of service');
  await proposer.getByRole('button', { name: 'Propose' }).click();
  await expect(proposer.getByRole('status').filter({ hasText: 'Propose confirmed' })).toBeVisible();
  const id = await latestProposalId('CouncilGovernor');

  // Voted For by two of three members, queued and executed from the app as time passes.
  const times = await governanceTimes();
  await advanceTime(times.votingDelay + 1);
  await councilVote(0, id, 1);
  await councilVote(1, id, 1);
  await advanceTime(times.votingPeriod + 1);
  await proposer.goto(`/governance/${id}`);
  await expect(proposer.getByTestId('proposal-actions')).toContainText('initializeV2(ipfs://');
  await proposer.getByRole('button', { name: 'Queue' }).click();
  await expect(proposer.getByTestId('proposal-state')).toHaveText('Queued');
  await advanceTime(times.minDelay + 1);
  await proposer.reload();
  await proposer.getByRole('button', { name: 'Execute' }).click();
  await expect(proposer.getByTestId('proposal-state')).toHaveText('Executed');

  // The proxy runs V2 with the terms published; the document is in the store, as hashed.
  const state = await marketplaceV2State();
  expect(state.version).toBe('2');
  expect(state.termsURI).toMatch(/^ipfs:\/\//);
  const stored = await buyer.request.get(`/api/content/${state.termsURI.slice('ipfs://'.length)}`);
  expect(await stored.text()).toBe(TERMS);

  // The app keeps working: the same orders, in the same states; a service page; a new order.
  await buyer.reload();
  expect(await listedOrders(buyer)).toEqual(before);
  await buyer.goto('/services/1');
  await expect(buyer.getByTestId('service-title')).toHaveText('Translate a text from English to French');
  await buyer.getByLabel('Your request').fill('Translate our new terms of service.');
  await buyer.getByRole('button', { name: /^Order for/ }).click();
  await expect(buyer.getByRole('status').filter({ hasText: 'Order confirmed' })).toBeVisible();
  await expect(buyer).toHaveURL(/\/orders$/);
  expect((await listedOrders(buyer)).length).toBe(before.length + 1);
});
