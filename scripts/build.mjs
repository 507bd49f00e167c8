#!/usr/bin/env node
// Bundles the GitHub Action (dist/index.js) and the CLI (dist/cli.js): ESM for Node 20,
// unminified with source maps so stack traces and reviews of dist/ stay readable.
// scripts/check-dist.mjs imports buildBundles to rebuild in memory and compare with dist/.

import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(fileURLToPath(import.meta.url), '../..');

const ENTRIES = {
  index: 'src/action/index.ts',
  cli: 'src/cli/main.ts',
};

// CommonJS dependencies bundled into ESM (the Actions toolkit's http client) call require('net');
// without a real require the bundle fails at start-up with "Dynamic require of 'net' is not supported".
const BANNER = [
  "import { createRequire as __readinessCreateRequire } from 'node:module';",
  'const require = __readinessCreateRequire(import.meta.url);',
].join('\n');

export async function buildBundles({ write }) {
  return esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: 'dist',
    bundle: true,
    // Shared code goes to chunks loaded on demand, so `readiness --version` parses a few KB, not the engine.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    minify: false,
    legalComments: 'inline',
    banner: { js: BANNER },
    logLevel: 'warning',
    write,
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  rmSync(resolve(root, 'dist'), { recursive: true, force: true });
  const result = await buildBundles({ write: true });
  if (result.errors.length > 0) process.exit(1);
  console.log(
    `built ${Object.keys(ENTRIES)
      .map((name) => `dist/${name}.js`)
      .join(', ')}`,
  );
}
