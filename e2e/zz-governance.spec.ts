// Governance under the local default regime (a council of dev accounts 0–2): a proposal to change
// the protocol fee is made with the wizard, voted by several accounts (one in the app, with a reason), queued and
// executed from the app after chain time passes, and the new fee shows on a service page.
// Named to run last: it moves chain time by more than a day and changes the fee for everyone.
import { expect, test } from '@playwright/test';
import { devAccounts } from '../lib/devAccounts';
import { advanceTime, councilVote, feeProposalId, governanceTimes, marketFeeBps } from './chain';
import { connectDevWallet } from './wallet';

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
  await page.getByLabel('What to change').selectOption('fee');
  await page.getByLabel('New fee (% of the price)').fill('3');
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
