// npm run seed — joins the demo collaborators on a local chain (idempotent).
// Env: OSO_RPC_URL (default http://127.0.0.1:8545), OSO_DEPLOYMENTS_FILE (default deployments/<chainId>.json).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_RPC_URL, LOCAL_CHAIN_ID } from '../lib/chain';
import { ROOT, defaultDeploymentsFile, isDeployed, readDeployments, rel, rpcClient } from './lib/local';

const HELP = `Usage: npm run seed [-- --force]

Joins the demo collaborators (anvil dev accounts 3..9) on the deployed CollaboratorRegistry, then
seeds the marketplace and, on the local chain, the court (seller #14, jurors #15..#17, a ruled and an open
dispute) when they are empty. Accounts already registered are skipped, so it is safe to run again.

Environment:
  OSO_RPC_URL           RPC of the chain (default ${DEFAULT_RPC_URL})
  OSO_DEPLOYMENTS_FILE  deployment addresses (default deployments/<chainId>.json)

Options:
  --force   seed a chain whose id is not ${LOCAL_CHAIN_ID} (the dev accounts must hold ETH there)
  --help    show this help`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const unknown = args.filter((a) => a !== '--force');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(' ')}\n\n${HELP}`);
    return 2;
  }
  const rpcUrl = process.env.OSO_RPC_URL ?? DEFAULT_RPC_URL;
  let chainId: number;
  try {
    chainId = await rpcClient(rpcUrl).getChainId();
  } catch {
    console.error(`No chain answers at ${rpcUrl}. Start one (npm start) or set OSO_RPC_URL.`);
    return 1;
  }
  if (chainId !== LOCAL_CHAIN_ID && !args.includes('--force')) {
    console.error(`Chain ${chainId} at ${rpcUrl} is not the local chain (${LOCAL_CHAIN_ID}); demo data belongs on a dev chain. Use --force to seed anyway.`);
    return 1;
  }
  const file = resolve(process.env.OSO_DEPLOYMENTS_FILE ?? defaultDeploymentsFile(chainId));
  if (!existsSync(file)) {
    console.error(`No deployments file ${rel(file)}: deploy first (npm run deploy, or npm start locally).`);
    return 1;
  }
  if (!(await isDeployed(rpcUrl, file))) {
    console.error(`${rel(file)} does not match chain ${chainId} at ${rpcUrl} (wrong chain id or no contract code). Deploy again.`);
    return 1;
  }
  const deployments = readDeployments(file);
  // Imported here so --help and the checks above work before `npm run codegen` has run.
  const { seedDemo } = await import('./lib/seed');
  console.log(`Seeding demo collaborators on chain ${chainId} (registry ${deployments.CollaboratorRegistry})`);
  const result = await seedDemo(rpcUrl, deployments, (line) => console.log(line));
  for (const warning of result.warnings) console.warn(`  warning: ${warning}`);
  const { seedMarketDemo } = await import('./lib/seedMarket');
  await seedMarketDemo(rpcUrl, deployments, process.env.OSO_CONTENT_DIR ?? join(ROOT, '.data', 'content'), (line) => console.log(line));
  if (chainId === LOCAL_CHAIN_ID) {
    // Moves the chain clock (evm_increaseTime): anvil only.
    const { seedCourtDemo } = await import('./lib/seedCourt');
    await seedCourtDemo(rpcUrl, deployments, process.env.OSO_CONTENT_DIR ?? join(ROOT, '.data', 'content'), (line) => console.log(line));
  }
  console.log(
    `Done: ${result.joined.length} joined, ${result.suspended.length} suspended, ${result.left.length} left, ${result.skipped.length} already registered.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
