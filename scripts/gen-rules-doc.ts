// Writes docs/rules.md from the rules' own metadata (a test fails when it is stale).

import { writeFileSync } from 'node:fs';
import { catalogueMarkdown } from '../src/cli/catalogue.js';

writeFileSync('docs/rules.md', catalogueMarkdown());
console.log('wrote docs/rules.md');
