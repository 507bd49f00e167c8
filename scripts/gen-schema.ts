// Writes schema/readiness-config.schema.json from the zod schema the code validates with,
// so the published schema cannot drift from what is enforced (a test compares them).

import { writeFileSync } from 'node:fs';
import { configSchemaJson } from '../src/core/config-json-schema.js';

writeFileSync('schema/readiness-config.schema.json', `${JSON.stringify(configSchemaJson(), null, 2)}\n`);
console.log('wrote schema/readiness-config.schema.json');
