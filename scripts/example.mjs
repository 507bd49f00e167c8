#!/usr/bin/env node
// `npm run example`: the CLI on the built-in example service. The example holds false
// claims on purpose, so the gate failing (exit 1) is the expected outcome here.

import { spawnSync } from 'node:child_process';

const run = spawnSync(
  process.execPath,
  ['dist/cli.js', 'check', 'examples/web-service', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
if (run.status === 1) {
  console.log(
    '\n(exit 1: the gate failed, as it should: examples/web-service claims things its files contradict.)',
  );
  process.exit(0);
}
process.exit(run.status ?? 2);
