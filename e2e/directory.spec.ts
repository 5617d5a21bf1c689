import { expect, test } from '@playwright/test';

test.describe('a visitor without a wallet', () => {
  test('sees the organization at a glance', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'The organization at a glance' })).toBeVisible();
    await expect(page.getByTestId('stat-members')).toHaveText(/^[1-9]\d*$/);
    await expect(page.getByTestId('stat-kind-rating')).not.toHaveText('0');
    await expect(page.getByRole('heading', { name: 'Latest joins' })).toBeVisible();
    await expect(page.getByTestId('collaborator-card').first()).toBeVisible();
  });

  test('browses, searches and filters the seeded directory with shareable URLs', async ({ page }) => {
    await page.goto('/collaborators');
    const cards = page.getByTestId('collaborator-card');
    await expect(cards.first()).toBeVisible();
    expect(await cards.count()).toBeGreaterThanOrEqual(7);

    await page.getByLabel('Kind', { exact: true }).selectOption('rating');
    await expect(page).toHaveURL(/kind=rating/);
    await expect(cards).toHaveCount(2);
    for (const card of await cards.all()) await expect(card.getByText('Rating', { exact: true })).toBeVisible();

    await page.getByLabel('Kind', { exact: true }).selectOption('any');
    await page.getByLabel('Status', { exact: true }).selectOption('suspended');
    await expect(page).toHaveURL(/status=suspended/);
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText('QuickCert Audits');
    await expect(cards.first()).toContainText('Suspended');

    await page.getByLabel('Status', { exact: true }).selectOption('any');
    await page.getByLabel('Search', { exact: true }).fill('atlas');
    await expect(page).toHaveURL(/q=atlas/);
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText('Atlas Data Services');

    await page.getByLabel('Search', { exact: true }).fill('no such collaborator');
    await expect(page.getByTestId('directory-empty')).toBeVisible();

    // The same view from a shared link, rendered on the server.
    await page.goto('/collaborators?kind=oracle&sort=name');
    await expect(page.getByLabel('Sort', { exact: true })).toHaveValue('name');
    const names = await cards.locator('a').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  test('sorts by rating, shows services and filters certified collaborators', async ({ page }) => {
    await page.goto('/collaborators?sort=rating');
    const cards = page.getByTestId('collaborator-card');
    await expect(cards.nth(0)).toContainText('Northwind Translation Co-op');
    await expect(cards.nth(0).getByTestId('card-rating')).toHaveText('★ 5.0 (1)');
    await expect(cards.nth(0).getByTestId('card-services')).toHaveText('· 3 services');
    await expect(cards.nth(1)).toContainText('Atlas Data Services');
    await expect(cards.nth(1).getByTestId('card-services')).toHaveText('· 1 service');
    await page.getByLabel('Certified only').check();
    await expect(page).toHaveURL(/certified=1/);
    await expect(cards).toHaveCount(2);
    for (const card of await cards.all()) await expect(card.getByText('Certified', { exact: true })).toBeVisible();
  });

  test('the directory is in the first HTML, with no wallet code needed', async ({ request }) => {
    const html = await (await request.get('/collaborators?q=meridian')).text();
    expect(html).toContain('Meridian Ratings');
  });

  test('opens a profile with its details and links', async ({ page }) => {
    await page.goto('/collaborators?q=meridian');
    await page.getByRole('link', { name: 'Meridian Ratings' }).click();
    await expect(page.getByTestId('profile-name')).toHaveText('Meridian Ratings');
    await expect(page.getByTestId('profile-bond')).toHaveText('0.25 ETH');
    await expect(page.getByRole('link', { name: /github\.com/ })).toHaveAttribute('href', /^https:\/\//);
  });

  test('an unknown or invalid address gets a not-found page', async ({ page }) => {
    for (const path of ['/collaborators/0x000000000000000000000000000000000000dEaD', '/collaborators/not-an-address']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByTestId('not-found')).toBeVisible();
    }
  });
});
