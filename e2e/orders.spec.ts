// /orders beyond the happy path (market.spec.ts): a rating sent from a stale page is refused by the
// chain with the reason in words, and deadlines count down every second in chain time.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { devAccounts } from '../lib/devAccounts';
import { advanceTime, placeOrder, ratingCount, settledOrder } from './chain';
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

test('a delivery deadline counts down every second, in chain time', async ({ browser }) => {
  const orderId = await placeOrder(2, WORD_STATISTICS);
  const buyer = await asAccount(browser, 2, '/orders');
  const card = buyer.locator(`[data-order-id="${orderId}"]`);
  const countdown = card.getByTestId('countdown');
  await expect(countdown).toHaveText(/^(1h 0m 0s|\d+m \d+s) left$/);
  const shown = (await countdown.textContent()) ?? '';
  await expect(countdown).not.toHaveText(shown, { timeout: 3_000 }); // ticks without a new block

  // The chain's clock jumps an hour (local chain time is not the wall clock): the deadline passes.
  await advanceTime(3_600);
  await expect(countdown).toHaveText('passed');
  await expect(card.getByRole('button', { name: 'Refund' })).toBeVisible();
});
