#!/usr/bin/env node
// solc wrapper for Foundry: the npm solc-js build (pinned in package.json) behind the native CLI
// contract forge expects. `--version` prints the version; anything else compiles standard JSON on stdin.
'use strict';
const path = require('node:path');
const solc = require(path.join(__dirname, '..', 'node_modules', 'solc'));

if (process.argv.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  process.stdout.write(solc.compile(Buffer.concat(chunks).toString('utf8')));
});
