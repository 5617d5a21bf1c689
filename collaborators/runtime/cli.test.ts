import { describe, expect, it } from 'vitest';
import { parseAgentCli } from './cli';
import { AgentConfigError } from './errors';

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';
const cli = {
  name: 'demo',
  summary: 'A demo agent.',
  options: {
    price: { type: 'string', default: '0.001', description: 'price in ETH', valueName: 'ETH' },
    title: { type: 'string', description: 'optional title' },
    faulty: { type: 'boolean', description: 'misbehave' },
  },
} as const;

function run(argv: string[], env: Record<string, string> = {}) {
  const parsed = parseAgentCli(cli, argv, env);
  if (parsed.kind !== 'run') throw new Error('expected a run');
  return parsed;
}

describe('parseAgentCli', () => {
  it('applies the defaults and the agent options', () => {
    const { common, values } = run(['--key', KEY, '--faulty']);
    expect(common).toEqual({ key: KEY, rpcUrl: 'http://127.0.0.1:8545', deploymentsFile: null, contentUrl: 'http://127.0.0.1:3000/api/content', pollMs: 1000, logLevel: 'info' });
    expect(values).toEqual({ price: '0.001', title: undefined, faulty: true });
  });

  it('takes the key from OSO_AGENT_KEY', () => {
    expect(run(['--poll', '200'], { OSO_AGENT_KEY: KEY }).common).toMatchObject({ key: KEY, pollMs: 200 });
  });

  it('prints help listing common and agent options', () => {
    const parsed = parseAgentCli(cli, ['--help'], {});
    expect(parsed.kind).toBe('help');
    if (parsed.kind === 'help') expect(parsed.text).toMatch(/--key HEX[\s\S]*--price ETH .*default 0\.001/);
  });

  it.each([
    [['--key', '0x12'], /Malformed private key/],
    [['--key', `0x${'0'.repeat(64)}`], /Malformed private key/],
    [[], /Missing --key/],
    [['--key', KEY, '--poll', 'soon'], /--poll/],
    [['--key', KEY, '--rpc', 'localhost:8545'], /--rpc must be an http/],
    [['--key', KEY, '--nope'], /Unknown option '--nope'/],
    [['--key', KEY, 'extra'], /positional/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseAgentCli(cli, argv, {})).toThrow(AgentConfigError);
    expect(() => parseAgentCli(cli, argv, {})).toThrow(message);
  });
});
