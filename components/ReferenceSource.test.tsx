import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { REFERENCE_PROGRAMS } from '../collaborators/reference';
import { ReferenceSource } from './ReferenceSource';

const HASH = `0x${'ab'.repeat(32)}`;
const MANIFEST = 'ipfs://bafkreicenrd5y4mrrahdbqcu34kgh24ymi34v4jwgfywolxugzfoomkjgy';

describe('ReferenceSource', () => {
  it('links an ipfs:// source through the app content store and says it matches', () => {
    const html = renderToStaticMarkup(<ReferenceSource sourceURI={MANIFEST} sourceHash={HASH} verdict={{ kind: 'matches', program: REFERENCE_PROGRAMS.service }} />);
    expect(html).toContain('href="/api/content/bafkreicenrd5y4mrrahdbqcu34kgh24ymi34v4jwgfywolxugzfoomkjgy"');
    expect(html).toContain('Matches collaborators/service in this repository.');
  });

  it('lists the differing files of a program that does not match', () => {
    const changedFiles = Array.from({ length: 10 }, (_, i) => `collaborators/service/file${i}.ts`);
    const html = renderToStaticMarkup(<ReferenceSource sourceURI={MANIFEST} sourceHash={HASH} verdict={{ kind: 'differs', program: REFERENCE_PROGRAMS.service, changedFiles }} />);
    expect(html).toContain('Does not match this repository&#x27;s code.');
    expect(html).toContain('<li>collaborators/service/file7.ts</li>');
    expect(html).not.toContain('file8.ts');
    expect(html).toContain('and 2 more');
  });

  it('shows an unsafe source as text and says nothing for other programs', () => {
    const html = renderToStaticMarkup(<ReferenceSource sourceURI="javascript:alert(1)" sourceHash={HASH} verdict={{ kind: 'other' }} />);
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('javascript:alert(1)');
    expect(html).not.toContain('source-verdict');
  });
});
