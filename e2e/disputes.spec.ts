// The dispute court end to end: a buyer disputes a delivery from /orders, evidence is submitted,
// jurors are drawn, commit and reveal (one from a downloaded vote file in a fresh browser), the
// ruling refunds the buyer; a second dispute is appealed and decided again in round 2.
// Accounts: #10 buys, Atlas (#7) sells, #11–#13 are jurors (other specs leave #10–#19 alone).
// The draw is random (prevrandao): any dev account drawn is acted as, whoever it is.
import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { advanceTime, testClient } from './chain';
import { address, courtParams, devIndexOf, getRound, jurorOf, openDispute, orderAndDeliver, stake, unstakeAll, xpOf } from './court';
import { connectDevWallet } from './wallet';

const BUYER = 10;
const SELLER = 7; // Atlas Data Services
const SERVICE = 3n; // Atlas's "Word and character statistics of a text"
const JURORS = [11, 12, 13];

const pages = new Map<string, Page>();

async function asAccount(browser: Browser, index: number, path: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(path);
  await connectDevWallet(page, index);
  return page;
}

/** One page per account, reused across steps. */
async function pageOf(browser: Browser, index: number, path: string): Promise<Page> {
  const key = String(index);
  const existing = pages.get(key);
  if (existing) {
    await existing.goto(path);
    await expect(existing.getByTestId('account-button')).toBeVisible();
    return existing;
  }
  const page = await asAccount(browser, index, path);
  pages.set(key, page);
  return page;
}

async function badge(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId('dispute-badge')).toHaveText(text);
}

/** Presses the page's Advance button (enabled once the period is over or everyone acted). */
async function advance(page: Page, name: string, then: string): Promise<void> {
  await page.reload();
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Advance confirmed' })).toBeVisible();
  await badge(page, then);
}

/** Leaves the evidence period with the Advance button; re-draws (chain snapshot) when `needTwo`
 * and one juror took every seat, since the draw is random. Returns the drawn ballots. */
async function draw(page: Page, id: bigint, round: number, needTwo: boolean) {
  for (let attempt = 0; ; attempt++) {
    const snapshot = await testClient.snapshot();
    await advance(page, 'Advance: draw the jurors', `Commit · round ${round + 1}`);
    const { ballots } = await getRound(id, round);
    if (!needTwo || ballots.length >= 2 || attempt >= 5) return ballots;
    // Back to before the draw; anvil's randomness follows the block number, so move on a few blocks.
    await testClient.revert({ id: snapshot });
    await testClient.mine({ blocks: attempt + 1 });
  }
}

async function jurorPage(browser: Browser, juror: string, path: string): Promise<{ page: Page; index: number }> {
  const index = devIndexOf(juror);
  expect(index, `drawn juror ${juror} is not a dev account`).toBeGreaterThanOrEqual(0);
  return { page: await pageOf(browser, index, path), index };
}

async function commit(page: Page, choice: 'Refund the buyer' | 'Pay the seller'): Promise<void> {
  const form = page.getByRole('form', { name: 'Commit your vote' });
  await form.getByLabel(choice).check();
  await form.getByRole('button', { name: 'Commit vote' }).click();
  await expect(page.getByText('Your vote is committed.')).toBeVisible();
}

async function reveal(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole('button', { name: 'Reveal vote' }).click();
  await expect(page.getByText('Your vote is revealed.')).toBeVisible();
}

async function ensureStake(index: number, atLeast: bigint): Promise<void> {
  const { stake: current } = await jurorOf(index);
  if (current < atLeast) await stake(index, atLeast - current);
}

test.describe.configure({ mode: 'serial' });

// Our jurors leave the court afterwards, so later specs' draws only see their own jurors.
test.afterAll(async () => {
  for (const j of JURORS) await unstakeAll(j);
});

test('a buyer disputes a delivery, drawn jurors commit and reveal, the ruling refunds the buyer and costs the seller XP', async ({ browser }) => {
  test.setTimeout(300_000);
  const params = await courtParams();
  for (const j of JURORS) await ensureStake(j, params.minStake);
  const orderId = await orderAndDeliver(BUYER, SELLER, SERVICE, 'https://example.org/requests/word-count');
  const sellerXp = await xpOf(SELLER);

  // The buyer opens the dispute from /orders: reason stored as a document, arbitration fee shown and paid.
  const buyer = await pageOf(browser, BUYER, '/orders');
  const card = buyer.locator(`[data-order-id="${orderId}"]`);
  await card.getByRole('button', { name: 'Dispute…' }).click();
  const form = card.getByRole('form', { name: 'Open a dispute' });
  const fee = params.feePerSeat * 3n;
  await expect(form.getByTestId('arbitration-fee')).toContainText(`${Number(fee) / 1e18} ETH`);
  await form.getByRole('button', { name: /^Dispute and pay/ }).click();
  await expect(form.getByText('Write the reason first.')).toBeVisible();
  await form.getByLabel('Reason for the dispute').fill('The word count is wrong: the text has 5 words, not 4. <b>not bold</b>');
  await form.getByRole('button', { name: /^Dispute and pay/ }).click();
  await expect(buyer).toHaveURL(/\/disputes\/\d+$/);
  const id = BigInt(buyer.url().split('/').pop()!);
  await badge(buyer, 'Evidence · round 1');
  const reason = buyer.getByTestId('evidence').first();
  await expect(reason).toHaveAttribute('data-party', 'buyer');
  await expect(reason).toContainText('The word count is wrong: the text has 5 words, not 4. <b>not bold</b>'); // text, not HTML
  await expect(buyer.getByTestId('dispute-subject')).toContainText(`Over order #${orderId} of Word and character statistics of a text`);
  await expect(buyer.getByTestId('seller-link')).toHaveAttribute('href', `/collaborators/${address(SELLER)}`);

  // The seller answers with a link (checked first), a juror-to-be as a third party with text.
  const seller = await pageOf(browser, SELLER, `/disputes/${id}`);
  const evidenceForm = seller.getByRole('form', { name: 'Submit evidence' });
  await evidenceForm.getByLabel('Link a document').check();
  await evidenceForm.getByLabel('Document link').fill('javascript:alert(1)');
  await evidenceForm.getByRole('button', { name: 'Submit evidence' }).click();
  await expect(evidenceForm.getByText('The link must be an https:// or ipfs:// link.')).toBeVisible();
  await evidenceForm.getByLabel('Document link').fill('https://example.org/atlas/how-words-are-counted');
  await evidenceForm.getByRole('button', { name: 'Submit evidence' }).click();
  await expect(seller.getByRole('status').filter({ hasText: 'Submit evidence confirmed' })).toBeVisible();
  await expect(seller.locator('[data-testid="evidence"][data-party="seller"]')).toContainText('https://example.org/atlas/how-words-are-counted');
  const observer = await pageOf(browser, JURORS[0]!, `/disputes/${id}`);
  await observer.getByRole('form', { name: 'Submit evidence' }).getByLabel('Your evidence').fill('Counted again: 5 words.');
  await observer.getByRole('form', { name: 'Submit evidence' }).getByRole('button', { name: 'Submit evidence' }).click();
  await expect(observer.locator('[data-testid="evidence"][data-party="third party"]')).toContainText('Counted again: 5 words.');

  // Evidence period: advancing waits for its end (the button counts down), then draws the jurors.
  await expect(buyer.getByRole('button', { name: 'Advance: draw the jurors' })).toBeDisabled();
  await expect(buyer.getByTestId('advance')).toContainText('Possible in');
  await advanceTime(params.evidenceDuration);
  const ballots = await draw(buyer, id, 0, true);
  expect(ballots.length, 'two jurors drawn at least').toBeGreaterThanOrEqual(2);
  await expect(buyer.getByTestId('ballot')).toHaveCount(ballots.length);

  // The juror with the fewest seats votes against the majority (incoherent); the others refund the buyer.
  const sorted = [...ballots].sort((a, b) => a.seats - b.seats);
  const minority = sorted[0]!.juror;
  const jurors: { page: Page; index: number; juror: string }[] = [];
  for (const b of ballots) {
    const { page, index } = await jurorPage(browser, b.juror, `/disputes/${id}`);
    await expect(page.getByText(`You were drawn for ${b.seats} seat`)).toBeVisible();
    await commit(page, b.juror === minority ? 'Pay the seller' : 'Refund the buyer');
    jurors.push({ page, index, juror: b.juror });
  }
  // The minority juror keeps its vote file and reveals from a fresh browser (no localStorage).
  const minorityPage = jurors.find((j) => j.juror === minority)!;
  const downloading = minorityPage.page.waitForEvent('download');
  await minorityPage.page.getByRole('button', { name: 'Download vote file' }).click();
  const file = await (await downloading).path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ kind: 'oso-court-vote', choice: 2, disputeId: String(id), round: 0 });

  // Everyone committed: the commit period may end early.
  await advance(buyer, 'Advance to the reveal period', 'Reveal · round 1');
  for (const j of jurors.filter((j) => j.juror !== minority)) await reveal(j.page);
  const fresh = await asAccount(browser, minorityPage.index, `/disputes/${id}`);
  await expect(fresh.getByText('This browser does not hold the secret of your vote.')).toBeVisible();
  await fresh.getByLabel('Import your vote file').setInputFiles(file);
  await expect(fresh.getByRole('status').filter({ hasText: 'Vote restored' })).toBeVisible();
  await fresh.getByRole('button', { name: 'Reveal vote' }).click();
  await expect(fresh.getByText('Your vote is revealed.')).toBeVisible();

  await advance(buyer, 'Advance: count the votes', 'Appeal · round 1');
  const majority = ballots.filter((b) => b.juror !== minority).reduce((n, b) => n + b.seats, 0);
  await expect(buyer.locator('[data-testid="tally"] [data-choice="1"] [data-testid="tally-count"]')).toHaveText(String(majority));
  await expect(buyer.getByText('The ruling is in your favour; the other party may appeal')).toBeVisible();
  await seller.reload();
  await expect(seller.getByRole('button', { name: /^Appeal for/ })).toBeVisible(); // the losing party may appeal; it does not

  await advanceTime(params.appealDuration);
  await advance(buyer, 'Advance: execute the ruling', 'Ruled · round 1');
  const ruling = buyer.getByTestId('final-ruling');
  await expect(ruling).toContainText('Final ruling: For the buyer: the price is refunded');
  await expect(ruling.getByTestId('payouts')).toContainText('0.002 ETH refunded to the buyer');
  await expect(buyer.locator(`[data-testid="ballot"][data-juror="${minority.toLowerCase()}"] [data-testid="ballot-outcome"]`)).toContainText('stake lost');
  const coherent = ballots.find((b) => b.juror !== minority)!.juror;
  await expect(buyer.locator(`[data-testid="ballot"][data-juror="${coherent.toLowerCase()}"] [data-testid="ballot-outcome"]`)).toContainText('reward');

  // The court's books: the incoherent juror lost stake, a coherent one has a reward to withdraw.
  expect((await jurorOf(devIndexOf(minority))).locked).toBe(0n);
  expect((await jurorOf(devIndexOf(coherent))).withdrawable).toBeGreaterThan(0n);

  // The seller lost the dispute: fewer XP on its profile; the buyer's order links to the dispute.
  const xpAfter = await xpOf(SELLER);
  expect(xpAfter).toBeLessThan(sellerXp > 0n ? sellerXp : 1n);
  await buyer.goto(`/collaborators/${address(SELLER)}`);
  await expect(buyer.getByTestId('xp')).toHaveText(`${xpAfter.toLocaleString('en')} XP`);
  await buyer.goto('/orders');
  await expect(card).toContainText('Ruled: For the buyer');
  await expect(card.getByTestId('dispute-link')).toHaveAttribute('href', `/disputes/${id}`);
});

test('a ruling for the seller is appealed by the buyer and decided again by a bigger jury in round 2', async ({ browser }) => {
  test.setTimeout(300_000);
  const params = await courtParams();
  // Enough stake for the 7 seats of round 2 (each seat locks lockPerSeat of free stake).
  for (const j of JURORS) await ensureStake(j, params.minStake + 3n * params.lockPerSeat);
  const orderId = await orderAndDeliver(BUYER, SELLER, SERVICE, 'https://example.org/requests/char-count');
  const id = await openDispute(BUYER, orderId, 'https://example.org/reasons/char-count-wrong');

  const buyer = await pageOf(browser, BUYER, `/disputes/${id}`);
  await badge(buyer, 'Evidence · round 1');
  await advanceTime(params.evidenceDuration);

  // Round 1: every drawn juror pays the seller.
  let ballots = await draw(buyer, id, 0, false);
  const voters = new Map<string, Page>();
  for (const b of ballots) {
    const { page } = await jurorPage(browser, b.juror, `/disputes/${id}`);
    voters.set(b.juror, page);
    await commit(page, 'Pay the seller');
  }
  await advance(buyer, 'Advance to the reveal period', 'Reveal · round 1');
  for (const b of ballots) await reveal(voters.get(b.juror)!);
  await advance(buyer, 'Advance: count the votes', 'Appeal · round 1');

  // The buyer lost: it appeals, paying for the 7 seats of round 2.
  const cost = params.feePerSeat * 7n;
  const appeal = buyer.getByRole('button', { name: `Appeal for ${Number(cost) / 1e18} ETH` });
  await expect(appeal).toBeVisible();
  await appeal.click();
  await expect(buyer.getByRole('status').filter({ hasText: 'Appeal confirmed' })).toBeVisible();
  await badge(buyer, 'Evidence · round 2');
  await expect(buyer.locator('[data-testid="round"][data-round="1"]')).toContainText('appealed by');

  // Round 2: a bigger jury refunds the buyer.
  await advanceTime(params.evidenceDuration);
  ballots = await draw(buyer, id, 1, false);
  expect(ballots.reduce((n, b) => n + b.seats, 0)).toBe(7);
  for (const b of ballots) {
    const { page } = await jurorPage(browser, b.juror, `/disputes/${id}`);
    voters.set(b.juror, page);
    await commit(page, 'Refund the buyer');
  }
  await advance(buyer, 'Advance to the reveal period', 'Reveal · round 2');
  for (const b of ballots) await reveal(voters.get(b.juror)!);
  await advance(buyer, 'Advance: count the votes', 'Appeal · round 2');
  await advanceTime(params.appealDuration);
  await advance(buyer, 'Advance: execute the ruling', 'Ruled · round 2');
  await expect(buyer.getByTestId('final-ruling')).toContainText('Final ruling: For the buyer');
  await expect(buyer.getByTestId('round')).toHaveCount(2);
  await expect(buyer.locator('[data-testid="timeline-step"][data-period="executed"]')).toHaveAttribute('data-state', 'current');
});

test('the dispute list filters open, closed and one’s own disputes; unknown ids are not found', async ({ browser }) => {
  const buyer = await pageOf(browser, BUYER, '/disputes');
  await expect(buyer.getByTestId('dispute-row').first()).toBeVisible();
  await buyer.getByRole('link', { name: 'Closed', exact: true }).click();
  await expect(buyer).toHaveURL(/filter=closed/);
  const closed = buyer.getByTestId('dispute-row');
  await expect(closed.first()).toBeVisible();
  for (const row of await closed.all()) await expect(row.getByTestId('dispute-badge')).toHaveAttribute('data-period', 'executed');

  await buyer.getByRole('link', { name: 'Mine as party' }).click();
  await expect(buyer).toHaveURL(new RegExp(`filter=party&account=${address(BUYER)}`));
  await expect(buyer.getByTestId('disputes-count')).toContainText('as buyer or seller');
  expect(await buyer.getByTestId('dispute-row').count()).toBeGreaterThanOrEqual(2);

  // A visitor choosing "Mine as party" before connecting is asked to connect, then sees theirs.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/disputes');
  await visitor.getByRole('button', { name: 'Mine as party' }).click();
  await visitor.getByRole('button', { name: new RegExp(`Dev account #${BUYER}\\b`) }).click();
  await expect(visitor).toHaveURL(new RegExp(`filter=party&account=${address(BUYER)}`));
  await expect(visitor.getByRole('link', { name: 'Mine as party' })).toHaveAttribute('aria-current', 'page');

  const juror = await pageOf(browser, JURORS[1]!, '/disputes?filter=juror');
  await juror.getByRole('link', { name: 'Mine as juror' }).click();
  await expect(juror).toHaveURL(new RegExp(`account=${address(JURORS[1]!)}`));
  await expect(juror.getByTestId('disputes-count')).toContainText('as a juror');

  for (const path of ['/disputes/999999', '/disputes/abc', '/disputes/0']) {
    const response = await buyer.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(buyer.getByRole('heading', { name: 'No such dispute' })).toBeVisible();
  }
});
