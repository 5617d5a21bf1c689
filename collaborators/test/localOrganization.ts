// A throwaway organization for the collaborators' integration tests: anvil on a free port, the
// contracts deployed to it (deployments file in a temp folder) and a content store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devAccounts } from '../../lib/devAccounts';
import { deploy, findFreePort, startAnvil, type Anvil, type DeploymentsFile } from '../../scripts/lib/local';
import { startContentServer, type TestContentServer } from './contentServer';

export interface LocalOrganization {
  anvil: Anvil;
  rpcUrl: string;
  deployments: DeploymentsFile;
  deploymentsFile: string;
  content: TestContentServer;
  contentDir: string;
  dir: string;
  stop(): Promise<void>;
}

/** Starts anvil, deploys OSO with short windows for tests, and serves a content store. */
export async function startLocalOrganization(env: Record<string, string> = {}): Promise<LocalOrganization> {
  const dir = mkdtempSync(join(tmpdir(), 'oso-agents-'));
  const anvil = await startAnvil({ port: await findFreePort() });
  let content: TestContentServer | null = null;
  try {
    const deploymentsFile = join(dir, 'deployments.json');
    const deployments = await deploy({ rpcUrl: anvil.rpcUrl, deploymentsFile, privateKey: devAccounts[0]!.privateKey, env });
    const contentDir = join(dir, 'content');
    content = await startContentServer(contentDir);
    const server = content;
    return {
      anvil,
      rpcUrl: anvil.rpcUrl,
      deployments,
      deploymentsFile,
      content: server,
      contentDir,
      dir,
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
