import { describe, expect, it } from 'vitest';
import { isSafeUri, safeHref } from './links';

describe('safe links', () => {
  it('links https and ipfs only', () => {
    expect(safeHref('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeHref('ipfs://bafyabc/readme.md')).toBe('https://ipfs.io/ipfs/bafyabc/readme.md');
  });
  it('renders everything else as text', () => {
    for (const uri of ['javascript:alert(1)', 'http://example.org', 'data:text/html,<b>x</b>', 'ipfs://', 'ipfs://a b', 'https://user:pw@example.org', 'not a url', '']) {
      expect(isSafeUri(uri)).toBe(false);
      expect(safeHref(uri)).toBeNull();
    }
  });
});
