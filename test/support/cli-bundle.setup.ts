// Vitest global set-up: bundles the CLI from the current source once per run, as
// scripts/build.mjs does for dist/, so each test that runs the CLI starts a plain Node process
// (about 0.3 s) instead of compiling the TypeScript sources through tsx again (about 1.5 s);
// the App's entry likewise, for tests that start `npm run app` in a folder of their own.
// The bundle sits under node_modules/.cache so it finds package.json and templates/ the way
// dist/cli.js does.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The bundled CLI entry built from src/cli/main.ts for this run. */
    cliEntry: string;
    /** src/app/main.ts bundled as Dockerfile.app does (npm packages external), for this run. */
    appEntry: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = resolve(import.meta.dirname, '../..');
  const cache = join(root, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, 'readiness-test-cli-'));
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: {
      js: "import { createRequire as __readinessCreateRequire } from 'node:module';\nconst require = __readinessCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // As Dockerfile.app builds the App: our code in one file, npm packages from node_modules.
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { app: 'src/app/main.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  project.provide('cliEntry', join(outdir, 'cli.js'));
  project.provide('appEntry', join(outdir, 'app.mjs'));
  return () => rmSync(outdir, { recursive: true, force: true });
}
