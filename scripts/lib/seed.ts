// Demo data for a local chain: collaborators of every kind, one suspended by governance, one that
// has left and is unbonding. Uses anvil's dev accounts 3..9 (0, 1 and 2 sit on the demo council;
// they stay unregistered for people and e2e tests to join with). The suspension is a council
// proposal, voted by accounts 0–2 and executed by the Constitution after advancing chain time
// (no account holds a module role after deployment). Idempotent and resumable: an account
// that is already registered is not joined again, and a missing suspension or leave is applied.
import {
  encodeFunctionData,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  keccak256,
  parseEther,
  stringToHex,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Deployments } from '../../lib/chain';
import { devAccounts } from '../../lib/devAccounts';
import { collaboratorRegistryAbi } from '../../lib/generated/abis';
import { handOverToCouncil, passThroughLocalCouncil, type Action } from './governance';

const SERVICE = 1;
const RATING = 2;
const ORACLE = 4;
const AGENT = 8;

/** Registry status enum order (CollaboratorRegistry.Status). */
const Status = { None: 0, Active: 1, Suspended: 2, Unbonding: 3, Exited: 4 } as const;

const REPO = 'https://github.com/oso-org/oso';

export interface DemoCollaborator {
  /** Dev account index (3..9). */
  account: number;
  slug: string;
  name: string;
  kinds: number;
  bond: string;
  /** What happens after joining. */
  then?: { suspend: string } | 'leave';
}

export const DEMO_COLLABORATORS: readonly DemoCollaborator[] = [
  { account: 3, slug: 'northwind-translations', name: 'Northwind Translation Co-op', kinds: SERVICE, bond: '0.05' },
  { account: 4, slug: 'meridian-ratings', name: 'Meridian Ratings', kinds: RATING, bond: '0.25' },
  { account: 5, slug: 'lumen-price-oracle', name: 'Lumen Price Oracle', kinds: ORACLE, bond: '0.1' },
  { account: 6, slug: 'relay-treasury-agent', name: 'Relay Treasury Agent', kinds: AGENT, bond: '0.02' },
  { account: 7, slug: 'atlas-data-services', name: 'Atlas Data Services', kinds: SERVICE | ORACLE | AGENT, bond: '0.5' },
  {
    account: 8,
    slug: 'quickcert-audits',
    name: 'QuickCert Audits',
    kinds: SERVICE | RATING,
    bond: '0.01',
    then: { suspend: 'Issued certificates for its own services (conflict of interest)' },
  },
  { account: 9, slug: 'sundial-keepers', name: 'Sundial Keepers', kinds: ORACLE | AGENT, bond: '0.03', then: 'leave' },
];

/** Public profile and reference-implementation fields of a demo collaborator. */
export function demoProfile(slug: string): { profileURI: string; sourceURI: string; sourceHash: Hex } {
  return {
    profileURI: `https://raw.githubusercontent.com/oso-org/oso/main/collaborators/${slug}/profile.json`,
    sourceURI: `${REPO}/tree/main/collaborators/${slug}`,
    sourceHash: keccak256(stringToHex(`oso-demo/collaborators/${slug}@v1`)),
  };
}

export interface SeedResult {
  joined: string[];
  suspended: string[];
  left: string[];
  skipped: string[];
  warnings: string[];
}

async function confirm(client: PublicClient, hash: Hash, what: string): Promise<void> {
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${what}: transaction ${hash} reverted`);
}

/** The local chain a seed script talks to, and its HTTP transport (no retries: a seed fails loudly). */
export function localSeedChain(rpcUrl: string, chainId: number) {
  const chain = defineChain({
    id: chainId,
    name: 'OSO local',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  return { chain, transport: http(rpcUrl, { retryCount: 0 }) };
}

/** Joins the demo collaborators on the registry at `deployments.CollaboratorRegistry`. */
export async function seedDemo(
  rpcUrl: string,
  deployments: Pick<Deployments, 'chainId' | 'CollaboratorRegistry' | 'Constitution' | 'CouncilGovernor' | 'CouncilSeats' | 'MonarchyRegime'>,
  log: (line: string) => void = () => {},
): Promise<SeedResult> {
  const { chain, transport } = localSeedChain(rpcUrl, deployments.chainId);
  const client = createPublicClient({ chain, transport, pollingInterval: 250 });
  const chainId = await client.getChainId();
  if (chainId !== deployments.chainId) {
    throw new Error(`The deployments are for chain ${deployments.chainId}, but ${rpcUrl} is chain ${chainId}`);
  }
  const registry: Address = deployments.CollaboratorRegistry;
  const result: SeedResult = { joined: [], suspended: [], left: [], skipped: [], warnings: [] };

  // Founded as a monarchy, the organization is handed to its council first (a past regime switch).
  await handOverToCouncil(rpcUrl, deployments, log);

  const suspensions: Action[] = [];
  const suspended: string[] = [];

  for (const demo of DEMO_COLLABORATORS) {
    const dev = devAccounts[demo.account];
    if (!dev) throw new Error(`lib/devAccounts.ts has no account ${demo.account}`);
    const wallet = createWalletClient({ chain, transport, account: privateKeyToAccount(dev.privateKey) });
    const read = () =>
      client.readContract({ address: registry, abi: collaboratorRegistryAbi, functionName: 'get', args: [dev.address] });

    let record = await read();
    if (record.status === Status.None || record.status === Status.Exited) {
      const { profileURI, sourceURI, sourceHash } = demoProfile(demo.slug);
      const hash = await wallet.writeContract({
        address: registry,
        abi: collaboratorRegistryAbi,
        functionName: 'join',
        args: [demo.kinds, demo.name, profileURI, sourceURI, sourceHash],
        value: parseEther(demo.bond),
      });
      await confirm(client, hash, `${demo.name} joining`);
      result.joined.push(demo.name);
      log(`  joined    ${demo.name} (account ${demo.account}, ${demo.bond} ETH)`);
      record = await read();
    } else {
      result.skipped.push(demo.name);
    }

    if (demo.then === 'leave' && record.status === Status.Active) {
      const hash = await wallet.writeContract({ address: registry, abi: collaboratorRegistryAbi, functionName: 'leave' });
      await confirm(client, hash, `${demo.name} leaving`);
      result.left.push(demo.name);
      log(`  left      ${demo.name} (bond unbonding)`);
    } else if (typeof demo.then === 'object' && record.status === Status.Active) {
      suspensions.push({
        target: registry,
        data: encodeFunctionData({ abi: collaboratorRegistryAbi, functionName: 'suspend', args: [dev.address, demo.then.suspend] }),
      });
      suspended.push(demo.name);
    }
  }
  if (suspensions.length > 0) {
    const passed = await passThroughLocalCouncil(rpcUrl, deployments, suspensions, `Suspend ${suspended.join(', ')}: conflict of interest`, log);
    if ('skipped' in passed) {
      result.warnings.push(`${passed.skipped}: ${suspended.join(', ')} not suspended`);
    } else {
      result.suspended.push(...suspended);
      log(`  suspended ${suspended.join(', ')} (by a council proposal)`);
    }
  }
  return result;
}
