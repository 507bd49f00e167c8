import { type AppServer, appServersCollector, type ServerLine } from '../../collectors/app-servers.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import { claimText, type Rule } from '../../rule.js';
import type { EvidenceRef, Finding } from '../../types.js';

export interface WorkersClaim {
  servers: AppServer[];
  /** A worker count the item names ("4 workers"), if any. */
  count?: number;
}

const SERVERS: readonly [AppServer, RegExp][] = [
  ['gunicorn', /\bgunicorn\b/i],
  ['uvicorn', /\buvicorn\b/i],
  ['hypercorn', /\bhypercorn\b/i],
  ['granian', /\bgranian\b/i],
  ['puma', /\bpuma\b/i],
  ['celery', /\bcelery\b/i],
  ['sidekiq', /\bsidekiq\b/i],
];
/** Job workers count concurrency; web servers count worker processes. */
const JOB_WORKERS: ReadonlySet<AppServer> = new Set(['celery', 'sidekiq']);

const WEB_COUNT =
  /\bmultiple\b|\bseveral\b|\b\d+\s+(?:worker\s+)?(?:workers|processes)\b|\bworkers?\s*[=:]\s*\d|\bworkers?\s+(?:count|number|configured|set|tuned)\b|\bnumber of workers\b|\bworkers\b(?!\s+(?:timeout|class|type|memory|restart|connections|tmp))/i;
const JOB_COUNT = /\bconcurren\w*|\bscal(?:ing|ed|e)\b|\bmultiple\b|\b\d+\s+(?:workers|processes|threads)\b/i;
/** About running or watching the workers, which the start command cannot show. */
const OPERATED =
  /\bmonitor\w*|\bhealth\w*|\balert\w*|\bautoscal\w*|\btest(?:ed|ing)?\b|\bbenchmark\w*|\bload[- ]test/i;

export const serverWorkers: Rule<WorkersClaim> = {
  id: 'server.workers',
  title: 'The application server or job worker is started with more than one worker',
  why: 'A gunicorn or puma started with its default single worker serves one request at a time per process; a checklist that claims multiple workers hides a capacity limit that shows up under the first real load.',
  fix: 'Set the worker count where the server starts (`--workers`, `workers =` in gunicorn.conf.py, `workers` in puma.rb, `--concurrency` for Celery/Sidekiq), or correct the checklist.',
  recognises:
    'Items naming gunicorn, uvicorn, hypercorn, granian or puma with multiple/N workers or a worker count, and Celery or ' +
    'Sidekiq workers with concurrency or scaling. Not worker timeouts, classes or memory, and not monitoring or autoscaling.',
  needs: [appServersCollector],
  match(item) {
    const text = claimText(item);
    if (OPERATED.test(text)) return [];
    const servers = SERVERS.filter(([, pattern]) => pattern.test(text)).map(([server]) => server);
    if (!servers.length) return [];
    const claimed = servers.filter((server) =>
      JOB_WORKERS.has(server) ? /\bworkers?\b/i.test(text) && JOB_COUNT.test(text) : WEB_COUNT.test(text),
    );
    if (!claimed.length) return [];
    const count = /\b(\d+)\s+(?:worker\s+)?(?:workers|processes)\b|\bworkers?\s*[=:]\s*(\d+)/i.exec(text);
    const number = count ? Number(count[1] ?? count[2]) : undefined;
    return [{ servers: claimed, ...(number ? { count: number } : {}) }];
  },
  evaluate(claim, ctx) {
    const names = claim.servers.join(' or ');
    const all = ctx
      .get(appServersCollector)
      .lines.filter(
        (line) =>
          claim.servers.includes(line.server) &&
          (!isNonProductionPath(line.path) || (ctx.scope !== '' && inScope(line.path, ctx.scope))),
      );
    const scoped = all.filter((line) => inScope(line.path, ctx.scope));
    const lines = scoped.length ? scoped : all;
    if (!lines.length)
      return {
        verdict: 'unknown',
        message: `no ${names} start command or configuration found (looked in Procfiles, Dockerfiles, Compose, PaaS and systemd files, shell scripts, gunicorn.conf.py, puma.rb)`,
        evidence: [],
      };
    if (claim.count !== undefined) {
      const exact = lines.find(
        (line) => line.workers?.kind === 'number' && line.workers.count === claim.count,
      );
      if (exact) return pass(exact, `${claim.count} workers`);
    }
    const many = lines.find((line) => multiple(line));
    if (many && claim.count === undefined) return pass(many, describeCount(many));
    const counted = lines.filter((line) => line.workers);
    if (
      counted.length &&
      counted.every((line) => line.workers?.kind === 'number' && line.workers.count === 1) &&
      claim.count === undefined
    ) {
      return {
        verdict: 'fail',
        message: `${names} is set to a single worker: ${counted
          .slice(0, 3)
          .map((line) => `${line.path}:${line.line}`)
          .join(', ')}`,
        evidence: counted.slice(0, 3).map(ref),
      };
    }
    const first = counted[0] ?? (lines[0] as ServerLine);
    const defaults = JOB_WORKERS.has(first.server)
      ? 'which defaults to one process per CPU'
      : 'which runs one worker unless WEB_CONCURRENCY or a config file says otherwise';
    const message = first.workers
      ? `${first.server} at ${first.path}:${first.line} sets ${describeCount(first)}${claim.count !== undefined ? `, not the ${claim.count} the item names` : ''}; what runs is decided where it is deployed`
      : `${first.server} is started at ${first.path}:${first.line} without a worker count, ${defaults}`;
    return { verdict: 'unknown', message, evidence: lines.slice(0, 3).map(ref) };
  },
  examples: {
    match: [
      'Enable Gunicorn with multiple workers',
      'Uvicorn runs 4 workers in production',
      'Celery worker scaling',
      'Puma workers configured',
    ],
    noMatch: [
      'Gunicorn installed',
      'Gunicorn worker timeout set to 120s',
      'Celery beat schedules the nightly report',
      'Monitor Celery worker health',
      'Autoscaling of Celery workers on queue length',
    ],
    verdicts: [
      {
        files: { Procfile: 'web: gunicorn app.wsgi --bind 0.0.0.0:$PORT --workers 3\n' },
        item: 'Enable Gunicorn with multiple workers',
        verdict: 'pass',
      },
      {
        files: {
          'gunicorn.conf.py': 'import multiprocessing\nworkers = multiprocessing.cpu_count() * 2 + 1\n',
        },
        item: 'Enable Gunicorn with multiple workers',
        verdict: 'pass',
      },
      {
        files: { Dockerfile: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app", "-w", "1"]\n' },
        item: 'Enable Gunicorn with multiple workers',
        verdict: 'fail',
      },
      {
        files: {
          Dockerfile: 'FROM python:3.12-slim\nRUN pip install gunicorn\nCMD ["gunicorn", "app:app"]\n',
        },
        item: 'Enable Gunicorn with multiple workers',
        verdict: 'unknown',
      },
    ],
  },
};

function multiple(line: ServerLine): boolean {
  const workers = line.workers;
  if (!workers) return false;
  if (workers.kind === 'computed') return true;
  if (workers.kind === 'number') return workers.count >= 2;
  return (workers.fallback ?? 0) >= 2;
}

function describeCount(line: ServerLine): string {
  const workers = line.workers;
  if (!workers) return 'no worker count';
  if (workers.kind === 'number') return `${workers.count} worker${workers.count === 1 ? '' : 's'}`;
  if (workers.kind === 'computed') return 'a worker count computed from the CPUs';
  return `workers from $${workers.variable}${workers.fallback !== undefined ? ` (default ${workers.fallback})` : ''}`;
}

function pass(line: ServerLine, what: string): Finding {
  return {
    verdict: 'pass',
    message: `${line.server} runs ${what}: \`${line.excerpt}\` at ${line.path}:${line.line}`,
    evidence: [ref(line)],
  };
}

function ref(line: ServerLine): EvidenceRef {
  return { path: line.path, line: line.line, excerpt: line.excerpt };
}
