// Certificates issued and revoked from a profile, a service listed from the seller's own profile,
// and a seller withdrawing its marketplace balance on /me. Relies only on the seeded demo data.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { devAccounts } from '../lib/devAccounts';
import { connectDevWallet } from './wallet';

const NORTHWIND = devAccounts[3]!.address;
const ATLAS = devAccounts[7]!.address;

async function asAccount(browser: Browser, index: number, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await connectDevWallet(page, index);
  return page;
}

test('a rating collaborator issues a bronze certificate to a service collaborator, then revokes it', async ({ browser }) => {
  // Meridian Ratings (dev account #4) on Northwind's profile (dev account #3).
  const rater = await asAccount(browser, 4, `/collaborators/${NORTHWIND}`);
  const form = rater.getByRole('form', { name: 'Issue certificate' });
  await expect(form).toBeVisible();
  await expect(rater.getByTestId('certificate').filter({ hasText: 'Bronze' })).toHaveCount(0);

  await form.getByRole('button', { name: 'Issue certificate' }).click();
  await expect(form.getByText('Describe the assessment behind the certificate.')).toBeVisible(); // checked before any transaction
  await form.getByLabel('Level').selectOption('1');
  await form.getByLabel('Evidence').fill('Reviewed ten translations: accurate and on time.');
  await form.getByRole('button', { name: 'Issue certificate' }).click();
  await expect(rater.getByRole('status').filter({ hasText: 'Issue certificate confirmed' })).toBeVisible();
  const bronze = rater.getByTestId('certificate').filter({ hasText: 'Bronze' });
  await expect(bronze).toHaveCount(1);
  await expect(bronze).toContainText('valid until');

  const revoke = rater.getByRole('form', { name: /^Revoke Bronze certificate/ });
  await revoke.getByRole('button', { name: 'Revoke' }).click();
  await expect(revoke.getByText('Give a reason for revoking.')).toBeVisible();
  await revoke.getByLabel(/Reason for revoking/).fill('Issued by mistake.');
  await revoke.getByRole('button', { name: 'Revoke' }).click();
  await expect(rater.getByRole('status').filter({ hasText: 'Revoke certificate confirmed' })).toBeVisible();
  await expect(bronze).toHaveCount(0);
  await expect(rater.getByTestId('certificate').filter({ hasText: 'Gold' })).toHaveCount(1); // the seeded one stays
  await expect(rater.getByRole('form', { name: /^Revoke Bronze certificate/ })).toHaveCount(0);

  // Northwind itself sees no issue form on its own profile.
  const subject = await asAccount(browser, 3, `/collaborators/${NORTHWIND}`);
  await expect(subject.getByRole('heading', { name: 'Manage your registration' })).toBeVisible();
  await expect(subject.getByRole('form', { name: 'Issue certificate' })).toHaveCount(0);
});

test('a service collaborator lists a service from its profile, after invalid input is refused', async ({ browser }) => {
  const seller = await asAccount(browser, 7, `/collaborators/${ATLAS}`);
  const form = seller.getByRole('form', { name: 'List a service' });
  await form.getByLabel('Title').fill('x'.repeat(97));
  await form.getByLabel('Details link (optional)').fill('http://insecure.example/details');
  await form.getByLabel('Price (ETH)').fill('0');
  await form.getByLabel('Delivery window (hours)').fill('3000');
  await form.getByRole('button', { name: 'List service' }).click();
  await expect(form.getByText('The title is longer than 96 bytes.')).toBeVisible();
  await expect(form.getByText('The details link must be an https:// or ipfs:// link.')).toBeVisible();
  await expect(form.getByText('The price must be more than zero.')).toBeVisible();
  await expect(form.getByText('The delivery window must be between 1 minute and 90 days (2160 hours).')).toBeVisible();

  await form.getByLabel('Title').fill('Summarise a CSV file');
  await form.getByLabel('Details link (optional)').fill('https://example.org/atlas/csv');
  await form.getByLabel('Price (ETH)').fill('0.003');
  await form.getByLabel('Delivery window (hours)').fill('2');
  await form.getByRole('button', { name: 'List service' }).click();
  await expect(seller.getByRole('status').filter({ hasText: 'List service confirmed' })).toBeVisible();
  const row = seller.getByTestId('service-row').filter({ hasText: 'Summarise a CSV file' });
  await expect(row).toContainText('0.003 ETH · delivered within 2 hours');
  await expect(row.getByRole('link', { name: 'Order' })).toBeVisible();

  // Deactivate and reactivate it from the owner panel.
  await seller.getByRole('button', { name: 'Deactivate Summarise a CSV file', exact: true }).click();
  await expect(row).toContainText('not taking orders');
  await expect(row.getByRole('link', { name: 'Order' })).toHaveCount(0);
  await seller.getByRole('button', { name: 'Activate Summarise a CSV file', exact: true }).click();
  await expect(row.getByRole('link', { name: 'Order' })).toBeVisible();
});

test('a seller withdraws its marketplace balance on /me', async ({ browser }) => {
  // Northwind sold seeded orders that were settled, so the Marketplace owes it.
  const seller = await asAccount(browser, 3, '/me');
  await expect(seller.getByRole('heading', { name: 'Experience' })).toBeVisible();
  await expect(seller.getByTestId('xp')).not.toHaveText('0 XP');
  await expect(seller.getByTestId('my-certificate').filter({ hasText: 'Gold' }).first()).toContainText('Valid');
  await expect(seller.getByRole('link', { name: 'your profile' })).toHaveAttribute('href', `/collaborators/${NORTHWIND}`);
  const credit = seller.getByTestId('market-credit');
  await expect(credit).not.toHaveText('0 ETH');
  await expect(seller.getByTestId('registry-credit')).toHaveCount(0); // nothing slashed for it
  await seller.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await expect(seller.getByRole('status').filter({ hasText: 'Withdraw confirmed' })).toBeVisible();
  await expect(credit).toHaveText('0 ETH');
  await expect(seller.getByText('Nothing to withdraw.')).toBeVisible();
});
