import 'server-only';
import type { PublicChainConfig } from '../chain';
import { ConfigError, publicConfig } from './config';

/** The public configuration, or the reason it is unavailable (shown as a banner, not a crash). */
export function loadPublicConfig(): { ok: true; value: PublicChainConfig } | { ok: false; error: string } {
  try {
    return { ok: true, value: publicConfig() };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: error.message };
    throw error;
  }
}
