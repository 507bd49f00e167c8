#!/usr/bin/env node
// `npm test`: the fast lane of the vitest suite (the hostile suite and *.slow.test.ts run in
// `npm run test:hostile`), ending with one plain line, "N passed, N failed", which CI reads.
// Extra arguments go to vitest (e.g. `npm test -- test/core`).

import { runVitest, summaryLine } from './vitest-run.mjs';

const result = runVitest(process.argv.slice(2));
console.log(`npm test took ${result.seconds.toFixed(0)} s; the slow lane is npm run test:hostile`);
console.log(summaryLine(result));
process.exit(result.failed > 0 ? 1 : 0);
