import { keccak256, toBytes } from 'viem';
import { describe, expect, it } from 'vitest';
import { displayText, isResultHashOf } from './documentText';

describe('displayText', () => {
  it('pretty-prints JSON documents and leaves other text as it is', () => {
    expect(displayText('{"ok":true,"result":{"words":3}}', 'application/json; charset=utf-8')).toBe('{\n  "ok": true,\n  "result": {\n    "words": 3\n  }\n}');
    expect(displayText('[1,2]', 'text/plain')).toBe('[\n  1,\n  2\n]');
    expect(displayText('{not json', 'application/json')).toBe('{not json');
    expect(displayText('<b>plain</b>', 'text/plain')).toBe('<b>plain</b>');
  });
});

describe('isResultHashOf', () => {
  it('compares keccak-256 of the bytes with the delivered hash, in any letter case', () => {
    const bytes = toBytes('{"ok":true}\n');
    expect(isResultHashOf(bytes, keccak256(bytes).toUpperCase().replace('0X', '0x') as `0x${string}`)).toBe(true);
    expect(isResultHashOf(bytes, keccak256(toBytes('{"ok":false}\n')))).toBe(false);
  });
});
