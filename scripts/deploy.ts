// npm run deploy -- --rpc-url URL --private-key KEY — deploys OSO's contracts to any EVM chain.
import { resolve } from 'node:path';
import { BIN, defaultDeploymentsFile, deploy, rel, rpcClient, run } from './lib/local';

const HELP = `Usage: npm run deploy -- --rpc-url URL --private-key KEY [options] [-- forge args]

Builds the contracts (forge build + ABI codegen, as npm run codegen), then runs contracts/script/Deploy.s.sol with
--broadcast and writes the addresses to deployments/<chainId>.json.

Options:
  --rpc-url URL            RPC of the target chain (or env RPC_URL)
  --private-key KEY        deployer key, 0x-prefixed (or env PRIVATE_KEY). Omit it when the forge
                           args after -- name another signer (--account NAME, --ledger, ...)
  --deployments-file FILE  where to write the addresses (default deployments/<chainId>.json)
  --skip-build             do not run forge build / codegen first
  --help                   show this help

Environment read by the script:
  MIN_BOND           minimum collaborator bond in wei (default 10000000000000000 = 0.01 ETH)
  UNBONDING_PERIOD   seconds between leave and withdraw (default 604800 = 7 days)
  TREASURY           receiver of marketplace fees and unearned court fees/penalties (default: the Constitution)
  FEE_BPS            marketplace fee in basis points (default 250)
  REVIEW_WINDOW      seconds a buyer has to dispute a delivery (default 259200 = 3 days)
  MIN_JUROR_STAKE    court minimum juror stake in wei (default 100000000000000000 = 0.1 ETH)
  FEE_PER_SEAT       court fee per juror seat in wei (default 2000000000000000 = 0.002 ETH; a dispute has 3 seats)
  LOCK_PER_SEAT      stake locked per drawn seat, lost when incoherent (default MIN_JUROR_STAKE / 5)
  EVIDENCE_PERIOD, COMMIT_PERIOD, REVEAL_PERIOD, APPEAL_PERIOD
                     court period durations in seconds (default 86400 = 1 day each)
  MAX_ROUNDS         court rounds per dispute, first one and appeals (default 3)
  DISPUTE_SLASH      wei of a losing seller's bond slashed to the buyer (default 0 = disabled)
  MIN_DELAY          the Constitution's (timelock's) delay in seconds (default 3600; use days on a public chain)
  REGIME             first regime: council (default), monarchy or democracy
  COUNCIL            comma-separated founding council members (default: the deployer)
  MONARCH, HEIR      the monarchy's monarch (default: the deployer) and heir (default: none)
  HEARTBEAT_PERIOD, SEAT_LIMIT, COUNCIL_VOTING_DELAY, COUNCIL_VOTING_PERIOD, COUNCIL_QUORUM,
  ACTIVITY_PERIOD, ACTIVITY_WINDOW, DEMOCRACY_VOTING_DELAY, DEMOCRACY_VOTING_PERIOD,
  DEMOCRACY_THRESHOLD, DEMOCRACY_QUORUM, LATE_QUORUM_EXTENSION
                     regime parameters (see contracts/script/Deploy.s.sol)

After deployment every module role and the treasury belong to the Constitution; no account keeps any.

Anything after -- goes to forge script unchanged (e.g. -- --slow --verify).

Example (local anvil, account 0):
  npm run deploy -- --rpc-url http://127.0.0.1:8545 \\
    --private-key 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80`;

interface Options {
  rpcUrl?: string;
  privateKey?: string;
  deploymentsFile?: string;
  skipBuild: boolean;
  forgeArgs: string[];
}

function parseArgs(argv: readonly string[]): Options | 'help' {
  const options: Options = {
    ...(process.env.RPC_URL ? { rpcUrl: process.env.RPC_URL } : {}),
    ...(process.env.PRIVATE_KEY ? { privateKey: process.env.PRIVATE_KEY } : {}),
    skipBuild: false,
    forgeArgs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--rpc-url':
        options.rpcUrl = value();
        break;
      case '--private-key':
        options.privateKey = value();
        break;
      case '--deployments-file':
        options.deploymentsFile = value();
        break;
      case '--skip-build':
        options.skipBuild = true;
        break;
      case '--':
        options.forgeArgs.push(...argv.slice(i + 1));
        return options;
      default:
        throw new Error(`Unknown argument ${arg}`);
    }
  }
  return options;
}

async function main(): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  const { rpcUrl, privateKey } = options;
  if (!rpcUrl) {
    console.error(`Missing --rpc-url (or env RPC_URL).\n\n${HELP}`);
    return 2;
  }
  const signerInForgeArgs = options.forgeArgs.some((a) => /^--(account|ledger|trezor|aws|gcp|keystore|mnemonics?|interactive)/.test(a));
  if (!privateKey && !signerInForgeArgs) {
    console.error(`Missing --private-key (or env PRIVATE_KEY), or a signer in the forge args after --.\n\n${HELP}`);
    return 2;
  }
  if (privateKey && !/^0x[0-9a-fA-F]{64}$/.test(privateKey)) {
    console.error('--private-key must be 0x followed by 64 hex digits.');
    return 2;
  }

  let chainId: number;
  try {
    chainId = await rpcClient(rpcUrl).getChainId();
  } catch (error) {
    console.error(`No chain answers at ${rpcUrl}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 1;
  }
  const file = resolve(options.deploymentsFile ?? defaultDeploymentsFile(chainId));

  if (!options.skipBuild) {
    // What `npm run codegen` does, but with forge's native binary: its npm wrapper hides failures.
    console.log('Building contracts (forge build + ABI codegen)…');
    const build = await run(BIN.forge, ['build']);
    const codegen = build.code === 0 ? await run(BIN.tsx, ['scripts/codegen.ts']) : build;
    if (codegen.code !== 0) {
      console.error('Build failed; nothing was deployed.');
      return 1;
    }
  }

  console.log(`Deploying to chain ${chainId} at ${rpcUrl}…`);
  const started = Date.now();
  const deployments = await deploy({
    rpcUrl,
    deploymentsFile: file,
    ...(privateKey ? { privateKey } : {}),
    forgeArgs: options.forgeArgs,
    quiet: false,
  });
  console.log(`
Deployed in ${((Date.now() - started) / 1000).toFixed(1)} s
  chain id                            ${deployments.chainId}
  deploy block                        ${deployments.deployBlock}
  CollaboratorRegistry (proxy)        ${deployments.CollaboratorRegistry}
  CollaboratorRegistryImplementation  ${deployments.CollaboratorRegistryImplementation ?? '(not recorded)'}
  written to                          ${rel(file)}

Run the app against it with OSO_RPC_URL=${rpcUrl} OSO_CHAIN_ID=${chainId}${options.deploymentsFile ? ` OSO_DEPLOYMENTS_FILE=${file}` : ''}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
