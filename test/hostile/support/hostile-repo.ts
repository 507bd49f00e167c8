// Hostile repositories built on disk as real git repositories, and the real CLI run over
// them as a child process with a time limit, its peak memory measured by /usr/bin/time.

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';

/** Items that make the engine load every kind of evidence, so every collector meets the fixture. */
export const KITCHEN_SINK_ITEMS = [
  'Container runs as non-root user',
  'Dockerfile uses multi-stage builds',
  'Docker HEALTHCHECK defined',
  'Compose services have health checks',
  'Tests run on every pull request in CI',
  'Code coverage > 80%',
  'Kubernetes liveness and readiness probes configured',
  'Resource limits set for Kubernetes pods',
  'No secrets committed to the repository',
  'No `.env` file committed',
  '`npm run test:e2e` passes',
  '`make deploy` works',
  'Health endpoint `/health` implemented',
  '`DATABASE_URL` documented in `.env.example`',
  'Runbook at `docs/runbook.md`',
  'Dependabot configured',
  'CODEOWNERS file present',
  'CodeQL security scanning in CI',
];

export function checklistOf(items: readonly string[], checked = true): string {
  return `# Production readiness\n\n${items.map((item) => `- [${checked ? 'x' : ' '}] ${item}`).join('\n')}\n`;
}

export class HostileRepo {
  /** Holds the repository and, beside it, files "outside the repository" and the canary. */
  readonly home = mkdtempSync(join(tmpdir(), 'readiness-hostile-'));
  readonly dir = join(this.home, 'repo');
  readonly outside = join(this.home, 'outside');
  readonly canary = join(this.home, 'CANARY');

  constructor() {
    mkdirSync(this.dir);
    mkdirSync(this.outside);
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'hostile@example.com');
    this.git('config', 'user.name', 'Hostile');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return spawnSync('git', ['-C', this.dir, ...args], { encoding: 'utf8' }).stdout.trim();
  }

  write(files: Record<string, string | Uint8Array>): this {
    for (const [path, content] of Object.entries(files)) {
      const absolute = join(this.dir, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
    return this;
  }

  /** Files beside the repository, which nothing may read through a symlink. */
  writeOutside(files: Record<string, string>): this {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(this.outside, name), content);
    return this;
  }

  symlink(path: string, target: string): this {
    const absolute = join(this.dir, path);
    mkdirSync(dirname(absolute), { recursive: true });
    symlinkSync(target, absolute);
    return this;
  }

  /** A sparse file: `bytes` long on paper, nothing on disk. */
  sparse(path: string, bytes: number): this {
    const absolute = join(this.dir, path);
    mkdirSync(dirname(absolute), { recursive: true });
    spawnSync('truncate', ['-s', String(bytes), absolute]);
    return this;
  }

  commit(message = 'hostile'): this {
    this.git('add', '-A');
    this.git('commit', '-q', '--no-verify', '--allow-empty', '-m', message);
    return this;
  }

  /** A shell command that appends to the canary file: proof that something ran. */
  canaryCommand(label: string): string {
    return `echo ${label} >> '${this.canary}'`;
  }

  /**
   * Everything a careless tool could execute: package scripts, every git hook, and repository
   * git config (fsmonitor, filters, textconv, pager). Planted after the last commit, because
   * our own git commands would run them.
   */
  plantCanaries(): this {
    const script = join(this.outside, 'canary.sh');
    writeFileSync(script, `#!/bin/sh\n${this.canaryCommand('git-config "$0" "$@"')}\ncat\n`);
    chmodSync(script, 0o755);
    for (const hook of [
      'pre-commit',
      'post-checkout',
      'post-merge',
      'pre-push',
      'post-index-change',
      'reference-transaction',
      'fsmonitor-watchman',
    ]) {
      const path = join(this.dir, '.git/hooks', hook);
      writeFileSync(path, `#!/bin/sh\n${this.canaryCommand(`hook-${hook}`)}\n`);
      chmodSync(path, 0o755);
    }
    for (const [key, value] of [
      ['core.fsmonitor', script],
      ['core.pager', script],
      ['core.editor', script],
      ['core.sshCommand', script],
      ['filter.canary.clean', script],
      ['filter.canary.smudge', script],
      ['filter.canary.process', script],
      ['diff.canary.textconv', script],
      ['diff.external', script],
    ]) {
      this.git('config', key as string, value as string);
    }
    writeFileSync(join(this.dir, '.gitattributes'), '* filter=canary diff=canary\n');
    return this;
  }

  canaryWritten(): boolean {
    return existsSync(this.canary);
  }

  cleanup(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** package.json whose every lifecycle and named script would write the canary. */
export function canaryPackageJson(repo: HostileRepo): string {
  const run = repo.canaryCommand('npm-script');
  const names = [
    'preinstall',
    'install',
    'postinstall',
    'prepare',
    'test',
    'test:e2e',
    'build',
    'lint',
    'start',
  ];
  return JSON.stringify(
    { name: 'hostile', scripts: Object.fromEntries(names.map((name) => [name, run])) },
    null,
    2,
  );
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak resident set size in KB, when /usr/bin/time is available. */
  peakKb?: number;
  timedOut: boolean;
}

/** The CLI keeps a cache under XDG_CACHE_HOME: hostile runs keep theirs apart from the user's. */
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'readiness-hostile-cache-'));
const TIME = '/usr/bin/time';
const PEAK_MARKER = 'HOSTILE_PEAK_KB=';

export function runCliMeasured(args: readonly string[], timeoutMs: number): CliRun {
  // The CLI bundled from the current source (test/support/cli-bundle.setup.ts): time and memory
  // are the shipped CLI's, not the TypeScript compiler's.
  const node = [process.execPath, inject('cliEntry'), ...args];
  const measured = existsSync(TIME);
  const command = measured ? [TIME, '-f', `${PEAK_MARKER}%M`, ...node] : node;
  const start = performance.now();
  const run = spawnSync(command[0] as string, command.slice(1), {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME },
    maxBuffer: 512 << 20,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const ms = performance.now() - start;
  let stderr = run.stderr ?? '';
  let peakKb: number | undefined;
  const marker = stderr.lastIndexOf(PEAK_MARKER);
  if (measured && marker >= 0) {
    peakKb = Number(stderr.slice(marker + PEAK_MARKER.length).trim());
    stderr = stderr.slice(0, marker);
  }
  const result: CliRun = {
    status: run.status,
    stdout: run.stdout ?? '',
    stderr,
    ms,
    timedOut: run.error !== undefined,
  };
  if (peakKb !== undefined) result.peakKb = peakKb;
  return result;
}
