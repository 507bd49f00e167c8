// Runs the bundled action (node dist/index.js) the way the runner does: an event file, INPUT_*
// and GITHUB_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the API pointed at
// the local stub. Fixture repositories are real git repositories built with base and head commits.

import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPOSITORY = 'octo-org/shop';
const projectRoot = resolve(import.meta.dirname, '../..');
const bundle = join(projectRoot, 'dist/index.js');

/** A copy of the whole bundle in a new folder: same content, new modification times. */
export function copyOfBundle(): { bundle: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-action-copy-'));
  cpSync(dirname(bundle), join(dir, 'dist'), { recursive: true });
  return { bundle: join(dir, 'dist/index.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function ensureBundle(): void {
  if (!existsSync(bundle)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot });
}

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args],
    {
      encoding: 'utf8',
    },
  ).trim();
}

export interface Fixture {
  dir: string;
  baseSha: string;
  headSha: string;
  checkout(sha: string): void;
  remove(): void;
}

/** A repository with a base commit and a head commit: files are written, `null` deletes. */
export function fixtureRepo(base: Record<string, string>, head: Record<string, string | null>): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-e2e-'));
  git(dir, 'init', '-q', '-b', 'main');
  const write = (files: Record<string, string | null>) => {
    for (const [path, content] of Object.entries(files)) {
      const full = join(dir, path);
      if (content === null) rmSync(full);
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    git(dir, 'add', '-A');
  };
  write(base);
  git(dir, 'commit', '-q', '-m', 'base');
  const baseSha = git(dir, 'rev-parse', 'HEAD');
  write(head);
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'head');
  const headSha = git(dir, 'rev-parse', 'HEAD');
  return {
    dir,
    baseSha,
    headSha,
    checkout: (sha) => git(dir, 'checkout', '-q', '--detach', sha),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as {
  name: string;
  examples: Record<string, unknown>[];
}[];

/** A real payload from @octokit/webhooks-examples, deep-copied for editing. */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const found = examples
    .find((entry) => entry.name === event)
    ?.examples.find((example) => action === undefined || example.action === action);
  if (!found) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

interface PullEventOptions {
  action?: string;
  number: number;
  fixture: Fixture;
  baseRef?: string;
  headRepo?: string;
}

export function pullRequestPayload(options: PullEventOptions): Record<string, unknown> {
  const payload = examplePayload('pull_request', options.action ?? 'opened');
  const pull = payload.pull_request as Record<string, Record<string, unknown>> & { number: number };
  pull.number = options.number;
  payload.number = options.number;
  pull.head = {
    ...pull.head,
    sha: options.fixture.headSha,
    ref: 'feature',
    repo: { full_name: options.headRepo ?? REPOSITORY },
  };
  pull.base = {
    ...pull.base,
    sha: options.fixture.baseSha,
    ref: options.baseRef ?? 'main',
    repo: { full_name: REPOSITORY },
  };
  (payload.repository as Record<string, unknown>).full_name = REPOSITORY;
  return payload;
}

export interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  /** The JSON report the action wrote to report-path, parsed. */
  report: Record<string, unknown> | undefined;
}

export interface RunOptions {
  apiUrl: string;
  eventName: string;
  payload: Record<string, unknown>;
  workspace: string;
  sha: string;
  ref: string;
  inputs?: Record<string, string>;
  /** Another copy of dist/index.js to run (the runner unpacks the action afresh for every job). */
  bundle?: string;
}

const DEFAULT_INPUTS: Record<string, string> = {
  'github-token': 'ghs_e2e',
  gate: 'auto',
  'release-branches': 'release/**',
  comment: 'auto',
  annotations: 'true',
  'fail-on': 'gate',
  'working-directory': '.',
};

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'readiness-runner-'));
  try {
    const eventPath = join(temp, 'event.json');
    const outputPath = join(temp, 'output');
    const summaryPath = join(temp, 'summary.md');
    writeFileSync(eventPath, JSON.stringify(options.payload));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs = { ...DEFAULT_INPUTS, ...options.inputs };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: options.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: options.sha,
      GITHUB_REF: options.ref,
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: options.apiUrl,
      GITHUB_RUN_ID: '42',
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      RUNNER_TEMP: temp,
      ...Object.fromEntries(
        Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
      ),
    };
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile(
        process.execPath,
        [options.bundle ?? bundle],
        { cwd: options.workspace, env },
        (error, out, err) => {
          done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: `${out}${err}` });
        },
      );
    });
    const outputs = parseOutputs(readFileSync(outputPath, 'utf8'));
    const reportPath = outputs['report-path'];
    return {
      code,
      stdout,
      outputs,
      summary: readFileSync(summaryPath, 'utf8'),
      report: reportPath && existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : undefined,
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** GITHUB_OUTPUT holds `name<<delimiter`, the value, then the delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] as string] = match[3] as string;
  return outputs;
}
