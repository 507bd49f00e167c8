// `npm run eval`: accuracy on the labelled corpus in test/eval/. Each corpus folder is a
// small repository; its checklist marks the true status of every item with
// `<!-- expect: STATUS -->` (what a careful engineer reading the repository concludes).
// Prints match precision/recall (checkable vs manual), status accuracy, precision of
// `unbacked`, and the figures per rule family.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCorpus, formatEval } from '../test/eval/evaluate.js';

const root = 'test/eval/corpus';
const repos = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => join(root, e.name));
const result = await evaluateCorpus(repos);
console.log(formatEval(result));
