#!/usr/bin/env node
// CI guard (as in actions/typescript-action): dist/ must be exactly what the sources build to,
// because GitHub runs the committed dist/index.js, not the TypeScript. The bundles are rebuilt in
// memory with the same output paths (so source-map paths match) and compared byte for byte.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './build.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const dist = resolve(root, 'dist');

const result = await buildBundles({ write: false });
const fresh = new Map(
  result.outputFiles.map((file) => [relative(dist, file.path), Buffer.from(file.contents)]),
);
const committed = existsSync(dist) ? readdirSync(dist, { recursive: true, withFileTypes: true }) : [];
const problems = [];
for (const [name, contents] of fresh) {
  const path = resolve(dist, name);
  if (!existsSync(path)) problems.push(`dist/${name} is missing`);
  else if (!readFileSync(path).equals(contents)) problems.push(`dist/${name} differs from a fresh build`);
}
for (const entry of committed) {
  if (!entry.isFile()) continue;
  const name = relative(dist, resolve(entry.parentPath, entry.name));
  if (!fresh.has(name)) problems.push(`dist/${name} is not produced by the build`);
}
if (problems.length > 0) {
  console.error(`dist/ is out of date:\n  ${problems.join('\n  ')}\nRun \`npm run build\` and commit dist/.`);
  process.exit(1);
}
console.log(`dist/ matches a fresh build (${fresh.size} files)`);
