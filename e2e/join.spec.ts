import { expect, test, type Page } from '@playwright/test';
import { devAccounts } from '../lib/devAccounts';
import { advanceTime, joinDirectly, registryCount, statusOf } from './chain';
import { connectDevWallet, installInjectedWallet, switchInjectedWalletChain } from './wallet';

async function fillValidProfile(page: Page, name: string) {
  await page.getByLabel(/^Service/).check();
  await page.getByLabel(/^Agent/).check();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Profile link (optional)').fill('https://example.org/profile.json');
  await page.getByLabel('Open-source reference implementation').fill('https://github.com/example/e2e-agent');
  await page.getByLabel('Bond (ETH)').fill('0.02');
}

test('a user joins with the dev wallet, finds themselves, then manages the bond until leaving', async ({ page }) => {
  const me = devAccounts[1]!.address;
  await page.goto('/');
  await connectDevWallet(page, 1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Join' }).click();
  const submit = page.getByRole('button', { name: 'Join the organization' });
  await expect(submit).toBeEnabled();
  await expect(page.getByLabel('Bond (ETH)')).toHaveValue('0.01'); // the live on-chain minimum

  // Invalid input: messages, and nothing is sent.
  const before = await registryCount();
  await page.getByLabel('Open-source reference implementation').fill('http://insecure.example/code');
  await page.getByLabel('Bond (ETH)').fill('0.001');
  await submit.click();
  await expect(page.getByText('Choose at least one kind of work.')).toBeVisible();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await expect(page.getByText('The source code link must be an https:// or ipfs:// link.')).toBeVisible();
  await expect(page.getByText('The bond must be at least the minimum.')).toBeVisible();
  await page.getByLabel('Name').fill('x'.repeat(65));
  await submit.click();
  await expect(page.getByText('The name is longer than 64 bytes.')).toBeVisible();
  expect(await registryCount()).toBe(before);

  // Valid input: simulated, sent, confirmed, and the profile opens.
  await fillValidProfile(page, 'E2E Collaborator');
  await submit.click();
  await expect(page.getByRole('status').filter({ hasText: 'Join confirmed' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/collaborators/${me}$`));
  await expect(page.getByTestId('profile-name')).toHaveText('E2E Collaborator');
  await expect(page.getByTestId('profile-bond')).toHaveText('0.02 ETH');
  expect(await registryCount()).toBe(before + 1n);

  await page.goto('/collaborators?q=E2E%20Collaborator');
  await expect(page.getByTestId('collaborator-card')).toHaveCount(1);
  await page.getByRole('link', { name: 'E2E Collaborator' }).click();

  // The owner's panel: add bond, leave, and withdraw after the unbonding period.
  await expect(page.getByRole('heading', { name: 'Manage your registration' })).toBeVisible();
  await page.getByLabel('Amount (ETH)').fill('0.03');
  await page.getByRole('button', { name: 'Add bond' }).click();
  await expect(page.getByTestId('profile-bond')).toHaveText('0.05 ETH');

  await page.getByRole('button', { name: 'Leave…' }).click();
  await page.getByRole('button', { name: 'Yes, leave' }).click();
  await expect(page.locator('[data-status="unbonding"]')).toBeVisible();
  await page.getByRole('button', { name: 'Withdraw bond' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'still unbonding' })).toBeVisible();

  await advanceTime(7 * 24 * 3600 + 1);
  await page.getByRole('button', { name: 'Withdraw bond' }).click();
  await expect(page.locator('[data-status="exited"]')).toBeVisible();
  expect(await statusOf(1)).toBe(4);
});

test('joining twice is refused with the reason in words', async ({ page }) => {
  await page.goto('/join');
  await connectDevWallet(page, 2);
  const submit = page.getByRole('button', { name: 'Join the organization' });
  await expect(submit).toBeEnabled();
  // Meanwhile the same account joins from elsewhere (another tab, a program).
  await joinDirectly(2, 'Joined elsewhere');
  const before = await registryCount();
  await fillValidProfile(page, 'Second registration');
  await submit.click();
  await expect(page.getByRole('alert').filter({ hasText: 'This address is already a collaborator' })).toBeVisible();
  expect(await registryCount()).toBe(before);
});

test('a real wallet on the wrong network is offered a switch, and a rejected signature shows cancelled', async ({ page }) => {
  await installInjectedWallet(page, { address: devAccounts[0]!.address, chainId: '0x1', rejectTransactions: true });
  await page.goto('/join');
  await page.getByRole('banner').getByRole('button', { name: 'Connect wallet' }).click();
  await page.getByRole('button', { name: /Browser Wallet|Injected/ }).first().click();
  await expect(page.getByTestId('account-button')).toBeVisible();
  await switchInjectedWalletChain(page, '0x1'); // the person picks another network in their wallet
  await expect(page.getByRole('banner').getByRole('button', { name: 'Wrong network — switch' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join the organization' })).toBeDisabled();
  await page.getByRole('button', { name: /^Switch to OSO local/ }).click();
  await expect(page.getByTestId('account-button')).toBeVisible();

  const before = await registryCount();
  await fillValidProfile(page, 'Never signed');
  await page.getByRole('button', { name: 'Join the organization' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Join cancelled' })).toBeVisible();
  await expect(page.getByText('Transaction cancelled in the wallet.')).toBeVisible();
  expect(await registryCount()).toBe(before);
  await expect(page.getByLabel('Name')).toHaveValue('Never signed'); // nothing typed is lost
});
