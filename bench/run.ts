// npm run bench — measures what the issues budget: gas per user action (forge), first-load JS of
// the read-only routes (next build output), the directory's RPC reads and server time with
// 10,000 collaborators, and Lighthouse scores. Writes bench/results.md and bench/results.json.
// Needs a production build (`npm run build`). Wall-clock figures are reported, never enforced.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createPublicClient, http, numberToHex, parseEther, zeroHash, encodeFunctionData, type Address, type Hex } from 'viem';
import { foundry } from 'viem/chains';
import { collaboratorRegistryAbi } from '../lib/generated/abis';
import { devAccounts } from '../lib/devAccounts';
import { RPC_BATCH_SIZE, RegistryReader } from '../lib/registryReader';
import { ReputationIndex } from '../lib/reputationIndex';
import { BIN, ROOT, deploy, findFreePort, run as runCommand, startAnvil, stopProcess } from '../scripts/lib/local';
import { seedDemo } from '../scripts/lib/seed';
import { seedMarketDemo } from '../scripts/lib/seedMarket';

const COLLABORATORS = Number(process.env.BENCH_COLLABORATORS ?? 10_000);
const BUDGET_FIRST_LOAD_KB = 175;
const BUDGET_PERFORMANCE = 90;
const BUDGET_ACCESSIBILITY = 95;
const TMP = join(ROOT, 'bench', '.tmp');
const log = (line: string) => console.log(`[bench] ${line}`);

interface Results {
  date: string;
  gas: { action: string; gas: number; budget: number | null }[];
  bundles: { route: string; gzipKb: number; uncompressedKb: number }[];
  directory: {
    collaborators: number;
    seedSeconds: number;
    cold: { rpcCalls: number; httpRequests: number; ms: number };
    warm: { rpcCalls: number; httpRequests: number; ms: number };
    afterOneJoin: { rpcCalls: number; httpRequests: number; ms: number };
    pages: { path: string; firstMs: number; medianMs: number }[];
  };
  lighthouse: { path: string; performance: number; accessibility: number; tbtMs: number; lcpMs: number }[];
}

// ─────────────────────────────── Gas (forge) ───────────────────────────────

async function measureGas(): Promise<Results['gas']> {
  const result = await runCommand(BIN.forge, ['test', '--match-contract', 'Gas', '-vv'], { capture: true });
  if (result.code !== 0) throw new Error(`forge gas tests failed:\n${result.output}`);
  const gas: Results['gas'] = [];
  for (const match of result.output.matchAll(/^\s*gas (\S+) (\d+) budget (\d+)\s*$/gm)) {
    gas.push({ action: match[1]!, gas: Number(match[2]), budget: Number(match[3]) });
  }
  if (gas.length === 0) throw new Error('no "gas <action> <gas> budget <budget>" lines in the forge output');
  return gas;
}

// ─────────────────────────────── Bundles ───────────────────────────────

function measureBundles(): Results['bundles'] {
  const stats = JSON.parse(readFileSync(join(ROOT, '.next', 'diagnostics', 'route-bundle-stats.json'), 'utf8')) as {
    route: string;
    firstLoadUncompressedJsBytes: number;
    firstLoadChunkPaths: string[];
  }[];
  return stats
    .filter((s) => !s.route.startsWith('/_'))
    .map((s) => ({
      route: s.route,
      uncompressedKb: s.firstLoadUncompressedJsBytes / 1000,
      gzipKb: s.firstLoadChunkPaths.reduce((sum, p) => sum + gzipSync(readFileSync(join(ROOT, p)), { level: 9 }).length, 0) / 1000,
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

// ─────────────────────────────── Directory at scale ───────────────────────────────

async function rpc(url: string, calls: { method: string; params: unknown[] }[]): Promise<unknown[]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(calls.map((c, id) => ({ jsonrpc: '2.0', id, ...c }))),
  });
  const body = (await response.json()) as { id: number; result?: unknown; error?: { message: string } }[];
  const failed = body.find((r) => r.error);
  if (failed) throw new Error(`RPC error: ${failed.error!.message}`);
  return body.sort((a, b) => a.id - b.id).map((r) => r.result);
}

/** Joins `count` synthetic collaborators through impersonated, funded accounts, in JSON-RPC batches. */
async function seedMany(rpcUrl: string, registry: Address, from: number, to: number): Promise<void> {
  const BATCH = 250;
  const kindsCycle = [1, 2, 4, 8, 3, 5, 9, 15];
  await rpc(rpcUrl, [{ method: 'evm_setAutomine', params: [false] }]);
  for (let start = from; start < to; start += BATCH) {
    const accounts: Address[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      accounts.push(`0x${(0xb000000000n + BigInt(i)).toString(16).padStart(40, '0')}` as Address);
    }
    await rpc(
      rpcUrl,
      accounts.flatMap((a) => [
        { method: 'anvil_setBalance', params: [a, numberToHex(parseEther('1'))] },
        { method: 'anvil_impersonateAccount', params: [a] },
      ]),
    );
    const hashes = (await rpc(
      rpcUrl,
      accounts.map((from, j) => {
        const i = start + j;
        const data: Hex = encodeFunctionData({
          abi: collaboratorRegistryAbi,
          functionName: 'join',
          args: [kindsCycle[i % kindsCycle.length]!, `Bench collaborator ${i}`, `https://example.org/c/${i}`, `https://example.org/src/${i}`, zeroHash],
        });
        return { method: 'eth_sendTransaction', params: [{ from, to: registry, data, value: numberToHex(parseEther('0.01')), gas: numberToHex(400_000) }] };
      }),
    )) as Hex[];
    // Mine the batch explicitly (automine is off while seeding): blocks until the pool is empty.
    for (let i = 0; i < 10; i++) {
      await rpc(rpcUrl, [{ method: 'evm_mine', params: [] }]);
      const [pool] = (await rpc(rpcUrl, [{ method: 'txpool_status', params: [] }])) as { pending: Hex }[];
      if (Number(pool!.pending) === 0) break;
    }
    const receipts = (await rpc(rpcUrl, hashes.map((hash) => ({ method: 'eth_getTransactionReceipt', params: [hash] })))) as ({ status: Hex } | null)[];
    const failed = receipts.filter((r) => r?.status !== '0x1').length;
    if (failed > 0) throw new Error(`${failed} of ${hashes.length} joins in a seeding batch did not succeed: ${JSON.stringify(receipts.find((r) => r?.status !== '0x1'))?.slice(0, 300)}`);
    if (((start - from) / BATCH) % 8 === 0) log(`  ${Math.min(to, start + BATCH) - from} / ${to - from} joined`);
  }
  await rpc(rpcUrl, [{ method: 'evm_setAutomine', params: [true] }]);
}

function countingClient(rpcUrl: string) {
  const counts = { rpcCalls: 0, httpRequests: 0 };
  const client = createPublicClient({
    chain: foundry,
    transport: http(rpcUrl, {
      batch: { batchSize: RPC_BATCH_SIZE, wait: 0 },
      retryCount: 0,
      onFetchRequest: async (request) => {
        const body = (await request.clone().json()) as unknown;
        counts.httpRequests += 1;
        counts.rpcCalls += Array.isArray(body) ? body.length : 1;
        if (process.env.BENCH_DEBUG) console.log('rpc', Array.isArray(body) ? body.map((c: { method: string }) => c.method).join(',') : body);
      },
      onFetchResponse: async (response) => {
        if (process.env.BENCH_DEBUG) { const t = await response.clone().text(); const i = t.indexOf('"error"'); console.log('response', response.status, t.length, i >= 0 ? t.slice(i, i + 300) : 'no error'); }
      },
    }),
  });
  return { client, counts };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - started)];
}

async function fetchTime(url: string): Promise<number> {
  const [, ms] = await timed(async () => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    await response.text();
  });
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// ─────────────────────────────── Lighthouse ───────────────────────────────

/** Lighthouse scores vary run to run; as its docs advise, report the median of several runs. */
async function lighthouseMedian(url: string, path: string, runs = 3): Promise<Results['lighthouse'][number]> {
  const results: Results['lighthouse'][number][] = [];
  for (let i = 0; i < runs; i++) results.push(await lighthouse(url, path, i));
  results.sort((a, b) => a.performance - b.performance);
  return results[Math.floor(runs / 2)]!;
}

async function lighthouse(url: string, path: string, run: number): Promise<Results['lighthouse'][number]> {
  const out = join(TMP, `lighthouse-${path.replace(/\W+/g, '_') || 'root'}-${run}.json`);
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const result = await runCommand(
    join(ROOT, 'node_modules', '.bin', 'lighthouse'),
    [
      url + path,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      '--only-categories=performance,accessibility',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking',
    ],
    { capture: true, env: { ...process.env, CHROME_PATH: chrome } },
  );
  if (result.code !== 0) throw new Error(`lighthouse failed for ${path}:\n${result.output.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    categories: Record<'performance' | 'accessibility', { score: number }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    path,
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? 0),
    lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? 0),
  };
}

// ─────────────────────────────── Report ───────────────────────────────

function report(r: Results): string {
  const ok = (pass: boolean) => (pass ? 'met' : '**MISSED**');
  const lines = [
    '# OSO benchmarks',
    '',
    `Measured by \`npm run bench\` on ${r.date} (2 cores, 24 GiB). Gas and read counts are deterministic; times are this machine's and only indicative.`,
    '',
    '## Gas per user action (all modules, optimizer 200 runs)',
    '',
    'From the `contracts/test/*Gas.t.sol` tests: `gasleft()` around each call through its proxy, cold storage, typical inputs; excludes the 21,000 base and calldata. Each budget is enforced by its test. Issue budgets: order ≤ 120k, deliver ≤ 70k, accept ≤ 90k (incl. XP), rate ≤ 70k, issue certificate ≤ 130k, withdraw ≤ 40k; first-ever deals and worst cases are listed separately with their own guard budgets.',
    '',
    '| action | gas | budget | |',
    '|---|---:|---:|---|',
    ...r.gas.map((g) => `| ${g.action} | ${g.gas.toLocaleString('en')} | ${g.budget?.toLocaleString('en') ?? '—'} | ${g.budget ? ok(g.gas <= g.budget) : ''} |`),
    '',
    '## First-load JavaScript per route (gzip, from `.next/diagnostics/route-bundle-stats.json`)',
    '',
    `Budget for the read-only routes \`/\` and \`/collaborators\`: ≤ ${BUDGET_FIRST_LOAD_KB} kB.`,
    '',
    '| route | gzip kB | uncompressed kB | |',
    '|---|---:|---:|---|',
    ...r.bundles.map((b) => {
      const budgeted = b.route === '/' || b.route === '/collaborators';
      return `| ${b.route} | ${b.gzipKb.toFixed(1)} | ${b.uncompressedKb.toFixed(1)} | ${budgeted ? ok(b.gzipKb <= BUDGET_FIRST_LOAD_KB) : ''} |`;
    }),
    '',
    `## The directory with ${r.directory.collaborators.toLocaleString('en')} collaborators`,
    '',
    `Seeded in ${r.directory.seedSeconds} s. The data layer (\`lib/registryReader.ts\` + \`lib/reputationIndex.ts\`) reads 500 records and 500 reputation profiles per \`eth_call\` plus certificate events, in JSON-RPC batches of 8 calls, and keeps the result until a new block (then re-reads only what new events name).`,
    '',
    '| read | RPC calls | HTTP requests | time |',
    '|---|---:|---:|---:|',
    `| cold (first request after start) | ${r.directory.cold.rpcCalls} | ${r.directory.cold.httpRequests} | ${r.directory.cold.ms} ms |`,
    `| warm (no new block) | ${r.directory.warm.rpcCalls} | ${r.directory.warm.httpRequests} | ${r.directory.warm.ms} ms |`,
    `| after one new join (incremental, from events) | ${r.directory.afterOneJoin.rpcCalls} | ${r.directory.afterOneJoin.httpRequests} | ${r.directory.afterOneJoin.ms} ms |`,
    '',
    'Server time of whole pages from `next start` (HTML fully received; first = cold cache, then the median of 10):',
    '',
    '| page | first | median |',
    '|---|---:|---:|',
    ...r.directory.pages.map((p) => `| \`${p.path}\` | ${p.firstMs} ms | ${p.medianMs} ms |`),
    '',
    `## Lighthouse (mobile preset, median of 3 runs, against \`next start\` with the ${r.directory.collaborators.toLocaleString('en')}-collaborator chain)`,
    '',
    `Budgets: performance ≥ ${BUDGET_PERFORMANCE}, accessibility ≥ ${BUDGET_ACCESSIBILITY}.`,
    '',
    '| page | performance | accessibility | TBT | LCP | |',
    '|---|---:|---:|---:|---:|---|',
    ...r.lighthouse.map(
      (l) =>
        `| \`${l.path}\` | ${l.performance} | ${l.accessibility} | ${l.tbtMs} ms | ${l.lcpMs} ms | ${ok(l.performance >= BUDGET_PERFORMANCE && l.accessibility >= BUDGET_ACCESSIBILITY)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

// ─────────────────────────────── Main ───────────────────────────────

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  log('gas: forge gas tests');
  const gas = await measureGas();
  log('bundles: .next/diagnostics/route-bundle-stats.json');
  const bundles = measureBundles();

  const anvil = await startAnvil({ port: await findFreePort(), args: ['--gas-limit', '100000000'] });
  let next: ChildProcess | null = null;
  try {
    const deploymentsFile = join(TMP, 'deployments.json');
    const deployments = await deploy({ rpcUrl: anvil.rpcUrl, deploymentsFile, privateKey: devAccounts[0]!.privateKey });
    const DEMO_COUNT = (await seedDemo(anvil.rpcUrl, deployments)).joined.length;
    await seedMarketDemo(anvil.rpcUrl, deployments, join(TMP, 'content'));
    log(`directory: seeding ${COLLABORATORS} collaborators`);
    const [, seedMs] = await timed(() => seedMany(anvil.rpcUrl, deployments.CollaboratorRegistry, 0, COLLABORATORS - DEMO_COUNT));

    const { client, counts } = countingClient(anvil.rpcUrl);
    const reader = new RegistryReader(client, deployments.CollaboratorRegistry);
    const reputation = new ReputationIndex(client, deployments);
    const measure = async () => {
      counts.rpcCalls = 0;
      counts.httpRequests = 0;
      const [snapshot, ms] = await timed(async () => {
        const registry = await reader.read();
        await reputation.read(registry.block, registry.records.map((c) => c.account));
        return registry;
      });
      return { snapshot, sample: { ...counts, ms } };
    };
    const cold = await measure();
    if (cold.snapshot.records.length < COLLABORATORS) throw new Error(`only ${cold.snapshot.records.length} records read`);
    const warm = await measure();
    await seedMany(anvil.rpcUrl, deployments.CollaboratorRegistry, COLLABORATORS, COLLABORATORS + 1);
    const afterOneJoin = await measure();

    const port = await findFreePort();
    next = spawn(BIN.next, ['start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', OSO_RPC_URL: anvil.rpcUrl, OSO_DEPLOYMENTS_FILE: deploymentsFile, OSO_CONTENT_DIR: join(TMP, 'content') },
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${base}/api/head`).then((r) => r.ok, () => false)) break;
      await new Promise((done) => setTimeout(done, 200));
    }
    const paths = ['/api/head', '/collaborators', '/collaborators?q=collaborator%2099&sort=name', '/collaborators?kind=oracle&page=40', '/collaborators?sort=rating&certified=1', '/'];
    const pages: Results['directory']['pages'] = [];
    for (const path of paths) {
      const firstMs = await fetchTime(base + path);
      const rest: number[] = [];
      for (let i = 0; i < 10; i++) rest.push(await fetchTime(base + path));
      pages.push({ path, firstMs, medianMs: median(rest) });
    }
    log('lighthouse: / and /collaborators');
    const lighthouseResults = [await lighthouseMedian(base, '/'), await lighthouseMedian(base, '/collaborators')];

    const results: Results = {
      date: new Date().toISOString().slice(0, 10),
      gas,
      bundles,
      directory: {
        collaborators: cold.snapshot.records.length,
        seedSeconds: Math.round(seedMs / 1000),
        cold: cold.sample,
        warm: warm.sample,
        afterOneJoin: afterOneJoin.sample,
        pages,
      },
      lighthouse: lighthouseResults,
    };
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(ROOT, 'bench', 'results.md'), report(results));
    console.log(report(results));
  } finally {
    if (next) await stopProcess(next, 'SIGTERM', 10_000);
    await anvil.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
