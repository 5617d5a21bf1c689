import { describe, expect, it } from 'vitest';
import { MODULES, parseDeployments } from './chain';

const modules = Object.fromEntries(MODULES.map((name, i) => [name, `0x${(i + 1).toString(16).padStart(40, '0')}`]));
const v2 = '0x00000000000000000000000000000000000000a2';

describe('parseDeployments implementations', () => {
  it('reads forge’s <Name>Implementation keys and keeps them through a write-back', () => {
    const fromForge = parseDeployments({ chainId: 31337, ...modules, MarketplaceV2Implementation: v2, MarketplaceImplementation: 'nonsense' }, 'forge');
    expect(fromForge.implementations).toEqual({ MarketplaceV2: v2 });
    const rewritten = parseDeployments(JSON.parse(JSON.stringify(fromForge)), 'file');
    expect(rewritten.implementations).toEqual({ MarketplaceV2: v2 });
  });
});
