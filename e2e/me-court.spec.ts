// The Court section of /me for jurors, and dispute history on profiles, on the seeded court
// (scripts/lib/seedCourt.ts): dispute #1 was ruled for the buyer (Lumen, #5) against the seller
// (Quillfast, #14) by seed jurors #15–#17, who then unstaked. Accounts: #15–#17 as jurors, #1 buys
// and Northwind (#3) sells in a dispute of its own. Named to run after the other specs: it moves the
// chain clock through a dispute's periods, and it leaves nothing staked behind.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { devAccounts } from '../lib/devAccounts';
import { advancePeriod, commitVote, jurorOf, openDispute, revealVote, seatsOf } from './juror';
import { connectDevWallet } from './wallet';

const SEED_JURORS = [15, 16, 17] as const;
const QUILLFAST = devAccounts[14]!.address;
const LUMEN = devAccounts[5]!.address;

async function asAccount(browser: Browser, index: number, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await connectDevWallet(page, index);
  return page;
}

test('a seed juror sees its coherent vote on the ruled dispute and withdraws its reward', async ({ browser }) => {
  // The draw was random: take the seed juror the ruling rewarded most.
  const withdrawable = await Promise.all(SEED_JURORS.map(async (i) => (await jurorOf(i)).withdrawable));
  const best = withdrawable.indexOf(withdrawable.reduce((a, b) => (b > a ? b : a)));
  expect(withdrawable[best]).toBeGreaterThan(0n);
  const juror = await asAccount(browser, SEED_JURORS[best]!, '/me#court');

  const court = juror.getByRole('region', { name: 'Court', exact: true });
  await expect(court.getByRole('heading', { name: 'Juror stake' })).toBeVisible();
  await expect(court.getByTestId('juror-stake')).toHaveText('0 ETH'); // seed jurors unstaked
  await expect(court.getByTestId('min-stake')).toHaveText('0.1 ETH');
  const draw = court.locator('[data-testid="juror-draw"][data-dispute-id="1"]');
  await expect(draw.getByTestId('vote-state')).toHaveText('Revealed · coherent');
  await expect(draw).toContainText('Your vote: Refund the buyer.');
  await expect(draw.getByRole('link', { name: 'Dispute #1' })).toHaveAttribute('href', '/disputes/1');
  await expect(court.getByTestId('juror-coherence')).toContainText('100%');
  await expect(court.getByTestId('juror-coherence')).toContainText('1 of 1 decided vote');
  await expect(court.getByTestId('juror-rewards')).not.toHaveText('0 ETH');

  const credit = court.getByTestId('juror-withdrawable');
  await expect(credit).not.toHaveText('0 ETH');
  await court.getByRole('button', { name: 'Withdraw rewards' }).click();
  await expect(juror.getByRole('status').filter({ hasText: 'Withdraw rewards confirmed' })).toBeVisible();
  await expect(credit).toHaveText('0 ETH');
  await expect(court.getByText('No rewards to withdraw.')).toBeVisible();
  expect((await jurorOf(SEED_JURORS[best]!)).withdrawable).toBe(0n);
});

test('a juror stakes, is drawn, cannot unstake until its round is settled, then unstakes', async ({ browser }) => {
  const index = 17;
  const juror = await asAccount(browser, index, '/me#court');
  const court = juror.getByRole('region', { name: 'Court', exact: true });
  const stakeForm = court.getByRole('form', { name: 'Stake' });

  // Below the minimum: refused before any transaction.
  await stakeForm.getByLabel('Amount to stake (ETH)').fill('0.01');
  await stakeForm.getByRole('button', { name: 'Stake' }).click();
  await expect(stakeForm.getByText('Your stake must reach at least the minimum stake.')).toBeVisible();
  expect((await jurorOf(index)).stake).toBe(0n);

  // A large stake, so this juror is (all but surely) drawn even if other specs left jurors staked.
  await stakeForm.getByLabel('Amount to stake (ETH)').fill('50');
  await stakeForm.getByRole('button', { name: 'Stake' }).click();
  await expect(juror.getByRole('status').filter({ hasText: 'Stake confirmed' })).toBeVisible();
  await expect(court.getByTestId('juror-stake')).toHaveText('50 ETH');
  await expect(court.getByTestId('juror-drawable')).toContainText('Yes');

  // Meanwhile a buyer disputes an order and the evidence period ends: the draw.
  const disputeId = await openDispute(1, 3);
  await advancePeriod(disputeId);
  expect(await seatsOf(disputeId, index)).toBeGreaterThan(0);

  const draw = court.locator(`[data-testid="juror-draw"][data-dispute-id="${disputeId}"]`);
  await expect(draw.getByTestId('vote-state')).toHaveText('Drawn — commit your vote');
  await expect(draw).toContainText('Commit period until');
  const unstakeForm = court.getByRole('form', { name: 'Unstake' });
  await expect(unstakeForm.getByRole('button', { name: 'Unstake' })).toBeDisabled();
  await expect(court.getByTestId('unstake-locked')).toContainText(`dispute #${disputeId}`);
  await expect(court.getByTestId('juror-locked')).not.toHaveText('0 ETH');

  // The juror votes (its salt kept here, as the dispute page would keep it), the round is settled.
  const salt = await commitVote(disputeId, index, 2n);
  await expect(draw.getByTestId('vote-state')).toHaveText('Committed');
  await advancePeriod(disputeId);
  await revealVote(disputeId, index, 2n, salt);
  await advancePeriod(disputeId);
  await expect(draw.getByTestId('vote-state')).toHaveText('Revealed · coherent');
  await expect(court.getByTestId('juror-locked')).toHaveText('0 ETH');

  // Unstaking is open again: everything back.
  await expect(court.getByTestId('unstake-locked')).toHaveCount(0);
  await unstakeForm.getByLabel('Amount to unstake (ETH)').fill('49.99');
  await unstakeForm.getByRole('button', { name: 'Unstake' }).click();
  await expect(unstakeForm.getByText(/must be zero or at least the minimum stake/)).toBeVisible();
  await unstakeForm.getByRole('button', { name: 'Fill in my whole stake' }).click();
  await unstakeForm.getByRole('button', { name: 'Unstake' }).click();
  await expect(juror.getByRole('status').filter({ hasText: 'Unstake confirmed' })).toBeVisible();
  await expect(court.getByTestId('juror-stake')).toHaveText('0 ETH');
  expect((await jurorOf(index)).stake).toBe(0n);
});

test('profiles show dispute history: the seller lost the seeded dispute, the buyer won it', async ({ page }) => {
  await page.goto(`/collaborators/${QUILLFAST}`);
  const lost = page.getByTestId('dispute-history-row').filter({ hasText: /Dispute #1 on order/ });
  await expect(lost).toHaveAttribute('data-outcome', 'lost');
  await expect(lost).toContainText('opened against them by');
  await expect(lost).toContainText('ruled for the buyer');
  await expect(lost.getByRole('link', { name: 'Dispute #1' })).toHaveAttribute('href', '/disputes/1');
  await expect(page.getByTestId('dispute-counts')).toContainText('1 lost');

  await page.goto(`/collaborators/${LUMEN}`);
  const won = page.getByTestId('dispute-history-row').filter({ hasText: /Dispute #1 on order/ });
  await expect(won).toHaveAttribute('data-outcome', 'won');
  await expect(won).toContainText('opened by them against');
});
