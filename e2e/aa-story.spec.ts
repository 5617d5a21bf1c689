// The story the seed tells on a fresh chain, as a visitor reads it on /governance: the organization
// was founded as a monarchy and handed to a council; the council has executed, defeated, queued and
// open proposals. Named to run first, before other specs move chain time past the open vote.
import { expect, test } from '@playwright/test';

test('governance shows the founding hand-over and proposals in several states', async ({ page }) => {
  await page.goto('/governance');
  const history = page.getByTestId('regime-history');
  await expect(history.locator('li')).toHaveCount(2);
  await expect(history.locator('li').nth(0)).toContainText('Founded as the monarchy');
  await expect(history.locator('li').nth(1)).toContainText('From the monarchy to the council');

  const stateOf = (title: string) => page.getByTestId('proposal').filter({ hasText: title }).getByTestId('proposal-state');
  await expect(stateOf('Suspend QuickCert Audits')).toHaveText('Executed');
  await expect(stateOf('Raise the minimum bond to 1 ETH')).toHaveText('Defeated');
  await expect(stateOf('Shorten the review window to 2 days')).toHaveText('Queued');
  await expect(stateOf('Admit Northwind Translation Co-op')).toHaveText('Active');
  // The queued proposal waits in the timelock, decoded.
  await expect(page.getByTestId('scheduled-operations')).toContainText('Marketplace.setReviewWindow(172800)');
});
