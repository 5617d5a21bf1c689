import { describe, expect, it } from 'vitest';
import { condenseLogLine } from './agents';

describe('condenseLogLine', () => {
  it('turns an agent JSON log line into one readable line', () => {
    const line = JSON.stringify({ time: 't', level: 'info', agent: 'service', event: 'order.delivered', fields: { orderId: '12', ms: 840 } });
    expect(condenseLogLine('service', line)).toBe('[service] order.delivered orderId=12 ms=840');
  });
  it('marks warnings and errors, hides debug lines, passes plain text through', () => {
    expect(condenseLogLine('keeper', JSON.stringify({ level: 'warn', event: 'rpc.retry', fields: {} }))).toBe('[keeper] WARN rpc.retry');
    expect(condenseLogLine('keeper', JSON.stringify({ level: 'debug', event: 'tick' }))).toBeNull();
    expect(condenseLogLine('rating', 'Error: bad key')).toBe('[rating] Error: bad key');
    expect(condenseLogLine('rating', '  ')).toBeNull();
  });
});
