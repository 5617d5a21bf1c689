import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { agentAccounts, devAccounts } from './devAccounts';

describe('dev accounts', () => {
  it("are anvil's default accounts: derived from its mnemonic, keys matching addresses", () => {
    for (const account of [...devAccounts, ...Object.values(agentAccounts)]) {
      expect(mnemonicToAccount('test test test test test test test test test test test junk', { addressIndex: account.index }).address).toBe(account.address);
      expect(privateKeyToAccount(account.privateKey).address).toBe(account.address);
    }
  });
});
