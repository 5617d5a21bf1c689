// A throwaway organization for the collaborators' integration tests: anvil on a free port (with a
// state file, so it can be restarted without losing the chain), the contracts deployed to it
// (deployments file in a temp folder) and a content store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devAccounts } from '../../lib/devAccounts';
import { deploy, findFreePort, startAnvil, type Anvil, type DeploymentsFile } from '../../scripts/lib/local';
import { startContentServer, type TestContentServer } from './contentServer';

export interface LocalOrganization {
  rpcUrl: string;
  deployments: DeploymentsFile;
  deploymentsFile: string;
  content: TestContentServer;
  contentDir: string;
  dir: string;
  /** Stops anvil (it dumps its state) and starts it again on the same port from that state. */
  restartAnvil(downMs?: number): Promise<void>;
  /** Takes the content store down until the returned function brings it back on the same port. */
  stopContent(): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

/** Starts anvil, deploys OSO (extra Deploy.s.sol environment in `env`) and serves a content store. */
export async function startLocalOrganization(env: Record<string, string> = {}): Promise<LocalOrganization> {
  const dir = mkdtempSync(join(tmpdir(), 'oso-agents-'));
  const port = await findFreePort();
  const statePath = join(dir, 'anvil-state.json');
  let anvil: Anvil = await startAnvil({ port, statePath, stateInterval: 1 });
  let content: TestContentServer | null = null;
  try {
    const deploymentsFile = join(dir, 'deployments.json');
    const deployments = await deploy({ rpcUrl: anvil.rpcUrl, deploymentsFile, privateKey: devAccounts[0]!.privateKey, env });
    const contentDir = join(dir, 'content');
    content = await startContentServer(contentDir);
    let server = content;
    const contentPort = Number(new URL(server.url).port);
    return {
      rpcUrl: anvil.rpcUrl,
      deployments,
      deploymentsFile,
      get content() {
        return server;
      },
      contentDir,
      dir,
      restartAnvil: async (downMs = 0) => {
        await anvil.stop();
        await new Promise((done) => setTimeout(done, downMs));
        anvil = await startAnvil({ port, statePath, stateInterval: 1 });
      },
      stopContent: async () => {
        await server.close();
        return async () => {
          server = await startContentServer(contentDir, contentPort);
        };
      },
      stop: async () => {
        await server.close();
        await anvil.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await content?.close();
    await anvil.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
