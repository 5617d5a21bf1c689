// Governance under the local default regime (a council of dev accounts 0–2): a proposal to change
// the protocol fee is made with the wizard, voted by several accounts (one in the app, with a reason), queued and
// executed from the app after chain time passes, and the new fee shows on a service page.
// Then the council switches the regime to the democracy, where an account whose settled order was
// credited (claimed on /me) votes with its activity, and an account with none has no weight; and
// the democracy crowns a monarch (dev account 0), who names an heir, and executes one scheduled
// operation and cancels another from /governance.
// Named to run last: it moves chain time by days, changes the fee and leaves the council for good.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { devAccounts } from '../lib/devAccounts';
import { advanceTime, councilVote, democracyTimes, feeProposalId, governanceTimes, latestProposalId, marketFeeBps, settledOrder } from './chain';
import { creditOrders, passThroughDemocracy, switchToMonarchy } from './democracy';
import { connectDevWallet } from './wallet';

// #18 buys and settles an order here (it also buys from the service agent in agent-order.spec, so
// its weight is read, not assumed); #19 has done nothing in the e2e chain.
const ACTIVE = 18;
const IDLE = 19;

async function asAccount(browser: Browser, index: number, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await connectDevWallet(page, index);
  return page;
}

test('the council changes the protocol fee through a proposal', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/governance');
  await expect(page.getByTestId('regime-kind')).toHaveText('Council');
  await expect(page.getByTestId('header-regime')).toHaveText('Governed by: Council');
  await expect(page.getByTestId('regime-sentence')).toContainText('A council of 3 governs');
  for (const i of [0, 1, 2]) await expect(page.getByTestId('council-members')).toContainText(devAccounts[i]!.address);
  // The seed suspended a demo collaborator by a council proposal.
  const seeded = page.getByTestId('proposal').filter({ hasText: 'Suspend QuickCert Audits' });
  await expect(seeded.getByTestId('proposal-state')).toHaveText('Executed');

  // Dev account 0 proposes with the wizard, which shows the decoded call before signing.
  const description = 'Protocol fee 3%\nA slightly higher fee funds the court.';
  const times = await governanceTimes();
  await page.getByRole('link', { name: 'New proposal' }).click();
  await connectDevWallet(page, 0);
  await page.getByLabel('What to change').selectOption('parameter');
  await page.getByLabel('Which parameter').selectOption('fee');
  await page.getByLabel('New value (% of the price)').fill('3');
  await expect(page.getByTestId('parameter-change')).toHaveText('2.50% → 3.00%');
  await page.getByLabel('Description (first line is the title)').fill(description);
  await expect(page.getByTestId('proposal-preview')).toHaveText('Marketplace.setFee(300)');
  await page.getByRole('button', { name: 'Propose' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Propose confirmed' })).toBeVisible();
  const id = await feeProposalId(300, description);
  await advanceTime(times.votingDelay + 1);

  await page.goto(`/governance/${id}`);
  await expect(page.getByTestId('proposal-title')).toHaveText('Protocol fee 3%');
  await expect(page.getByTestId('proposal-state')).toHaveText('Active');
  await expect(page.getByTestId('proposal-actions')).toContainText('Marketplace.setFee(300)');
  await page.getByLabel('Reason (optional, public)').fill('Courts cost money.');
  await page.getByRole('button', { name: 'Vote For' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vote For confirmed' })).toBeVisible();
  await expect(page.getByTestId('votes-for')).toHaveText('1');
  await councilVote(1, id, 1);
  await councilVote(2, id, 0);
  await page.reload();
  await expect(page.getByTestId('votes-for')).toHaveText('2');
  await expect(page.getByTestId('votes-against')).toHaveText('1');
  await expect(page.getByTestId('quorum')).toContainText('reached');
  await expect(page.getByTestId('cast-votes')).toContainText('voted For (1): “Courts cost money.”');

  // Voting ends: For wins 2–1.
  await advanceTime(times.votingPeriod + 1);
  await page.reload();
  await expect(page.getByTestId('proposal-state')).toHaveText('Succeeded');
  await page.getByRole('button', { name: 'Queue' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Queue confirmed' })).toBeVisible();
  await expect(page.getByTestId('proposal-state')).toHaveText('Queued');
  await expect(page.getByText('Queued: it can be executed once the timelock’s delay has passed.')).toBeVisible();
  // The overview lists it among the timelock's scheduled operations, with the time left.
  await page.goto('/governance');
  const scheduled = page.getByTestId('scheduled-operations');
  await expect(scheduled).toContainText('Marketplace.setFee(300)');
  await expect(scheduled.locator('> li').filter({ hasText: 'Marketplace.setFee(300)' }).getByTestId('countdown')).toHaveText(/left$/);

  await advanceTime(times.minDelay + 1);
  await page.goto(`/governance/${id}`);
  await page.getByRole('button', { name: 'Execute' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Execute confirmed' })).toBeVisible();
  await expect(page.getByTestId('proposal-state')).toHaveText('Executed');
  expect(await marketFeeBps()).toBe(300);

  await page.goto('/services/1');
  await expect(page.getByText('3.00% of the price')).toBeVisible();
});

test('the council switches the regime to the democracy', async ({ browser }) => {
  test.setTimeout(90_000);
  // A first proposal (back to the monarchy) is withdrawn by its proposer before voting starts.
  const proposer = await asAccount(browser, 0, '/governance/new');
  await proposer.getByLabel('What to change').selectOption('switch');
  await proposer.getByLabel('New regime').selectOption('MonarchyRegime');
  await proposer.getByLabel('Description (first line is the title)').fill('Back to the monarchy');
  await proposer.getByRole('button', { name: 'Propose' }).click();
  await expect(proposer.getByRole('status').filter({ hasText: 'Propose confirmed' })).toBeVisible();
  await proposer.goto(`/governance/${await latestProposalId('CouncilGovernor')}`);
  await expect(proposer.getByTestId('proposal-state')).toHaveText('Pending');
  await expect(proposer.getByTestId('my-weight')).toContainText('Your voting weight will be fixed at the snapshot');
  await proposer.getByRole('button', { name: 'Cancel proposal' }).click();
  await expect(proposer.getByTestId('proposal-state')).toHaveText('Canceled');

  await proposer.goto('/governance/new');
  await proposer.getByLabel('What to change').selectOption('switch');
  await proposer.getByLabel('New regime').selectOption('DemocracyGovernor');
  await expect(proposer.getByTestId('proposal-preview')).toHaveText(/^Constitution\.switchRegime\(0x[0-9a-fA-F]{40}\)$/);
  await proposer.getByLabel('Description (first line is the title)').fill('Democracy\nEveryone who works for the organization votes.');
  await proposer.getByRole('button', { name: 'Propose' }).click();
  await expect(proposer.getByRole('status').filter({ hasText: 'Propose confirmed' })).toBeVisible();
  const id = await latestProposalId('CouncilGovernor');
  const times = await governanceTimes();
  await advanceTime(times.votingDelay + 1);
  for (const member of [0, 1, 2]) await councilVote(member, id, 1);
  await advanceTime(times.votingPeriod + 1);
  await proposer.goto(`/governance/${id}`);
  await proposer.getByRole('button', { name: 'Queue' }).click();
  await expect(proposer.getByTestId('proposal-state')).toHaveText('Queued');
  await advanceTime(times.minDelay + 1);
  await proposer.reload();
  await proposer.getByRole('button', { name: 'Execute' }).click();
  await expect(proposer.getByTestId('proposal-state')).toHaveText('Executed');

  await proposer.goto('/governance');
  await expect(proposer.getByTestId('regime-kind')).toHaveText('Democracy');
  await expect(proposer.getByTestId('header-regime')).toHaveText('Governed by: Democracy');
  await expect(proposer.getByTestId('regime-sentence')).toContainText('The democracy governs');
});

test('in the democracy, credited activity is voting weight and no activity is none', async ({ browser }) => {
  test.setTimeout(90_000);
  const { votingDelay, activityPeriod } = await democracyTimes();
  const orderId = await settledOrder(ACTIVE, 1n);

  // The settled order is claimed on /me; its points count once their period has ended.
  const active = await asAccount(browser, ACTIVE, '/me');
  const weight = active.getByTestId('voting-weight');
  await expect(weight).toHaveText(/^\d+$/);
  const before = Number(await weight.textContent());
  await expect(active.getByTestId('activity-rules')).toContainText('10 points to each side of a settled order');
  await expect(active.getByTestId('activity-pending')).toContainText(`#${orderId}`);
  await active.getByRole('button', { name: /^Claim \d+ activity points$/ }).click();
  await expect(active.getByRole('status').filter({ hasText: 'Claim activity points confirmed' })).toBeVisible();
  await expect(active.getByTestId('activity-pending')).toHaveText('All your settled orders, ratings and jury duty are credited.');
  await expect(weight).toHaveText(String(before));
  await advanceTime(activityPeriod + 2);
  await active.reload();
  await expect(weight).toHaveText(/^\d+$/);
  const after = Number(await weight.textContent());
  expect(after).toBeGreaterThanOrEqual(10);

  // With that weight it proposes (the threshold is met) and votes.
  await active.goto('/governance/new');
  await active.getByLabel('What to change').selectOption('parameter');
  await active.getByLabel('Which parameter').selectOption('seatLimit');
  await active.getByLabel('New value').fill('8');
  await expect(active.getByTestId('parameter-change')).toHaveText('7 → 8');
  await active.getByLabel('Description (first line is the title)').fill('Eight council seats');
  await active.getByRole('button', { name: 'Propose' }).click();
  await expect(active.getByRole('status').filter({ hasText: 'Propose confirmed' })).toBeVisible();
  const id = await latestProposalId('DemocracyGovernor');
  await advanceTime(votingDelay + 1);
  await active.goto(`/governance/${id}`);
  await expect(active.getByTestId('proposal-state')).toHaveText('Active');
  await expect(active.getByTestId('my-weight')).toContainText('Your voting weight at the snapshot');
  await expect(active.getByTestId('my-weight')).toContainText(`: ${after}`);
  await active.getByRole('button', { name: 'Vote For' }).click();
  await expect(active.getByRole('status').filter({ hasText: 'Vote For confirmed' })).toBeVisible();
  await expect(active.getByTestId('votes-for')).toHaveText(String(after));

  // An account that never worked for the organization has no weight, is told why, and cannot vote.
  const idle = await asAccount(browser, IDLE, `/governance/${id}`);
  await expect(idle.getByTestId('my-weight')).toContainText(': 0');
  await expect(idle.getByTestId('zero-weight-reason')).toContainText('You had none then, so you cannot vote on this proposal');
  await expect(idle.getByRole('button', { name: 'Vote For' })).toBeDisabled();

  // The overview ranks participants by weight.
  await idle.goto('/governance');
  await expect(idle.getByTestId('top-participants')).toContainText(devAccounts[ACTIVE]!.address);
});

test('the democracy crowns a monarch, who names an heir and executes or cancels scheduled operations', async ({ browser }) => {
  test.setTimeout(90_000);
  const { activityPeriod } = await democracyTimes();
  await creditOrders([await settledOrder(ACTIVE, 1n)]);
  await advanceTime(activityPeriod + 2);
  await passThroughDemocracy(ACTIVE, switchToMonarchy(), 'Monarchy\nOne accountable steward.');

  const monarch = await asAccount(browser, 0, '/governance');
  await expect(monarch.getByTestId('regime-kind')).toHaveText('Monarchy');
  await expect(monarch.getByTestId('header-regime')).toHaveText('Governed by: Monarchy');

  // The monarch names an heir, directly (no timelock).
  const heir = devAccounts[2]!.address; // the founding heir was #1
  await monarch.goto('/governance/new');
  await monarch.getByLabel('What to change').selectOption('heir');
  await monarch.getByLabel('Heir address').fill(heir);
  await expect(monarch.getByTestId('proposal-preview')).toHaveText(`MonarchyRegime.nameHeir(${heir})`);
  await monarch.getByRole('button', { name: 'Name the heir' }).click();
  await expect(monarch.getByRole('status').filter({ hasText: 'Name the heir confirmed' })).toBeVisible();

  // …and schedules two operations through the timelock.
  await monarch.getByLabel('What to change').selectOption('parameter');
  await monarch.getByLabel('Which parameter').selectOption('fee');
  await monarch.getByLabel('New value (% of the price)').fill('2.5');
  await monarch.getByLabel('Description (first line is the title)').fill('Fee back to 2.5%');
  await monarch.getByRole('button', { name: 'Schedule' }).click();
  await expect(monarch.getByRole('status').filter({ hasText: 'Schedule confirmed' })).toBeVisible();
  await monarch.getByLabel('Which parameter').selectOption('seatLimit');
  await monarch.getByLabel('New value').fill('9');
  await monarch.getByLabel('Description (first line is the title)').fill('Nine seats');
  await monarch.getByRole('button', { name: 'Schedule' }).click();
  await expect(monarch.getByRole('status').filter({ hasText: 'Schedule confirmed' }).nth(1)).toBeVisible();

  await monarch.goto('/governance');
  await expect(monarch.getByRole('region', { name: 'Rules' })).toContainText(heir);
  const operations = monarch.getByTestId('scheduled-operations').locator(':scope > li');
  const fee = operations.filter({ hasText: 'Marketplace.setFee(250)' });
  const seats = operations.filter({ hasText: 'CouncilSeats.setSeatLimit(9)' });
  // Not ready yet: the monarch may cancel, not execute.
  await seats.getByRole('button', { name: 'Cancel' }).click();
  await expect(monarch.getByRole('status').filter({ hasText: 'Cancel confirmed' })).toBeVisible();
  await expect(seats).toHaveCount(0);
  await expect(fee.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(fee.getByRole('button', { name: 'Execute' })).toHaveCount(0);

  const { minDelay } = await governanceTimes();
  await advanceTime(minDelay + 1);
  await monarch.reload();
  await fee.getByRole('button', { name: 'Execute' }).click();
  await expect(monarch.getByRole('status').filter({ hasText: 'Execute confirmed' })).toBeVisible();
  await expect(fee).toHaveCount(0);
  expect(await marketFeeBps()).toBe(250);
});
