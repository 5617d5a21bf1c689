import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': root,
      // 'server-only' throws outside React Server Components; unit tests may import server modules.
      'server-only': join(root, 'node_modules', 'server-only', 'empty.js'),
    },
  },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'collaborators/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'components/**/*.test.ts', 'components/**/*.test.tsx'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.data/**'],
  },
});
