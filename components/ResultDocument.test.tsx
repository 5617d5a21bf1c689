import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResultDocument } from './ResultDocument';

const HASH = `0x${'cd'.repeat(32)}` as const;

describe('ResultDocument', () => {
  it('renders the document as text only, with the result hash and its check', () => {
    const html = renderToStaticMarkup(<ResultDocument text={'{\n  "result": "<img src=x onerror=alert(1)>"\n}'} resultHash={HASH} hashMatches={false} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(HASH);
    expect(html).toContain('data-matches="false"');
  });
});
