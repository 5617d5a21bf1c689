import { expect, test, type Browser, type Page } from '@playwright/test';
import { advanceTime } from './chain';
import { connectDevWallet } from './wallet';

async function asAccount(browser: Browser, index: number, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  await connectDevWallet(page, index);
  return page;
}

function orderCard(page: Page, section: 'As buyer' | 'As seller') {
  return page.getByRole('region', { name: section }).getByTestId('order').first();
}

test('a buyer orders a service, the seller delivers, the buyer accepts and rates it', async ({ browser }) => {
  // Dev account #2 buys "Translate a text" (service #1) from Northwind (dev account #3).
  const buyer = await asAccount(browser, 2, '/services/1');
  await expect(buyer.getByTestId('service-title')).toHaveText('Translate a text from English to French');
  await buyer.getByRole('button', { name: /^Order for/ }).click();
  await expect(buyer.getByText('Describe what you need')).toBeVisible(); // validated before any transaction
  await buyer.getByLabel('Your request').fill('Translate: "Anyone may run a collaborator."');
  await buyer.getByRole('button', { name: /^Order for/ }).click();
  await expect(buyer.getByRole('status').filter({ hasText: 'Order confirmed' })).toBeVisible();
  await expect(buyer).toHaveURL(/\/orders$/);
  const bought = orderCard(buyer, 'As buyer');
  await expect(bought.getByTestId('order-state')).toHaveText('Ordered');
  const orderId = await bought.getAttribute('data-order-id');

  const seller = await asAccount(browser, 3, '/orders');
  const sold = seller.locator(`[data-order-id="${orderId}"]`);
  await expect(sold.getByTestId('order-state')).toHaveText('Ordered');
  await sold.getByLabel('Result').fill('« Tout le monde peut faire tourner un collaborateur. »');
  await sold.getByRole('button', { name: 'Deliver' }).click();
  await expect(sold.getByTestId('order-state')).toHaveText('Delivered');

  await buyer.reload();
  await expect(bought.getByTestId('order-state')).toHaveText('Delivered');
  await expect(bought.getByRole('link', { name: 'result' })).toBeVisible();
  await bought.getByRole('button', { name: 'Accept' }).click();
  await expect(bought.getByTestId('order-state')).toHaveText('Settled');
  await bought.getByLabel('Stars').selectOption('4');
  await bought.getByRole('button', { name: 'Rate' }).click();
  await expect(bought.getByText('Rated.')).toBeVisible();

  // The seller's profile shows the new rating, experience and level.
  await buyer.goto('/collaborators/0x90F79bf6EB2c4f870365E785982E1f101E93b906');
  await expect(buyer.getByTestId('rating-summary')).toContainText('from 2 ratings');
  await expect(buyer.getByTestId('rating-average')).toHaveText('4.5');
  await expect(buyer.getByTestId('xp')).not.toHaveText('0 XP');
  await expect(buyer.getByTestId('certificate')).toContainText('Gold');
  await expect(buyer.getByTestId('reviews').getByRole('listitem').first()).toContainText(`for order #${orderId}`);
  await expect(buyer.getByTestId('order-counts')).toContainText('2 settled');
});

test('an undelivered order is refunded after its deadline, and a seller cannot order their own service', async ({ browser }) => {
  const seller = await asAccount(browser, 3, '/services/2');
  await seller.getByLabel('Your request').fill('My own request');
  await seller.getByRole('button', { name: /^Order for/ }).click();
  await expect(seller.getByText('You cannot order your own service.')).toBeVisible();

  const buyer = await asAccount(browser, 2, '/services/2');
  await buyer.getByLabel('Your request').fill('Proofread my notes, please.');
  await buyer.getByRole('button', { name: /^Order for/ }).click();
  await expect(buyer).toHaveURL(/\/orders$/);
  const order = orderCard(buyer, 'As buyer');
  await expect(order.getByTestId('order-state')).toHaveText('Ordered');
  await expect(order.getByRole('button', { name: 'Refund' })).toHaveCount(0);

  await advanceTime(2 * 86_400 + 1); // past the two-day delivery window
  await expect(order.getByRole('button', { name: 'Refund' })).toBeVisible();
  await order.getByRole('button', { name: 'Refund' }).click();
  await expect(order.getByTestId('order-state')).toHaveText('Refunded');
});
