// tsx scripts/foundry.ts <forge|anvil|cast> [args…] — runs a Foundry tool's native binary and exits
// with its exit code. Use it in package.json scripts instead of bare `forge`: the npm wrapper
// (node_modules/.bin/forge, @foundry-rs/* 1.7.1) always exits 0, so a failing `forge test` or
// `forge build` would not fail `npm test` or CI.
import { spawn } from 'node:child_process';
import { foundryBin } from './lib/local';

const [tool, ...args] = process.argv.slice(2);
if (tool !== 'forge' && tool !== 'anvil' && tool !== 'cast') {
  console.error('Usage: tsx scripts/foundry.ts <forge|anvil|cast> [args…]');
  process.exit(2);
}
const child = spawn(foundryBin(tool), args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.once('error', (error) => {
  console.error(`Could not run ${tool}: ${error.message}`);
  process.exit(127);
});
child.once('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
});
