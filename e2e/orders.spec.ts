// /orders beyond the happy path (market.spec.ts): a rating sent from a stale page is refused by the
// chain with the reason in words.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { devAccounts } from '../lib/devAccounts';
import { ratingCount, settledOrder } from './chain';
import { connectDevWallet } from './wallet';

const ATLAS = devAccounts[7]!.address;
const WORD_STATISTICS = 3n; // Atlas's seeded service: 0.002 ETH, delivered within an hour

async function asAccount(browser: Browser, index: number, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await connectDevWallet(page, index);
  return page;
}

test('rating an order twice is refused with a clear message', async ({ browser }) => {
  const orderId = await settledOrder(2, WORD_STATISTICS);
  const before = await ratingCount(ATLAS);

  // The buyer opens its orders and starts rating: picks two stars…
  const stale = await asAccount(browser, 2, '/orders');
  const staleCard = stale.locator(`[data-order-id="${orderId}"]`);
  await expect(staleCard.getByTestId('order-state')).toHaveText('Settled');
  await staleCard.getByLabel('Stars').selectOption('2');

  // …meanwhile rates the same order in another tab.
  const other = await asAccount(browser, 2, '/orders');
  const otherCard = other.locator(`[data-order-id="${orderId}"]`);
  await otherCard.getByLabel('Stars').selectOption('5');
  await otherCard.getByRole('button', { name: 'Rate' }).click();
  await expect(otherCard.getByText('Rated.')).toBeVisible();

  // Back in the first tab the started rating is still there; sending it is refused by the chain.
  await staleCard.getByRole('button', { name: 'Rate' }).click();
  await expect(stale.getByRole('alert').filter({ hasText: 'Rate failed' })).toContainText('This order has already been rated.');
  await expect(staleCard.getByText('Rated.')).toBeVisible();
  await expect(staleCard.getByRole('button', { name: 'Rate' })).toHaveCount(0);
  expect(await ratingCount(ATLAS)).toBe(before + 1n);
});
