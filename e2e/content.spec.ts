import { expect, test } from '@playwright/test';

test('documents are stored under their content address and served back verified', async ({ request }) => {
  const stored = await request.post('/api/content', { headers: { 'content-type': 'text/plain' }, data: 'count the words in this sentence' });
  expect(stored.status()).toBe(201);
  const { uri, cid } = (await stored.json()) as { uri: string; cid: string };
  expect(uri).toBe(`ipfs://${cid}`);
  expect(cid).toMatch(/^bafkrei[a-z2-7]+$/);

  const fetched = await request.get(`/api/content/${cid}`);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(await fetched.text()).toBe('count the words in this sentence');

  const html = await request.post('/api/content', { headers: { 'content-type': 'text/html' }, data: '<script>alert(1)</script>' });
  expect(html.status()).toBe(400);
  const big = await request.post('/api/content', { headers: { 'content-type': 'text/plain' }, data: 'x'.repeat(64 * 1024 + 1) });
  expect(big.status()).toBe(413);
  expect((await request.get('/api/content/not-a-cid')).status()).toBe(404);
});
