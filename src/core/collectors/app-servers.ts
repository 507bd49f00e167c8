// How application servers and job workers are started, and with how many worker processes:
// gunicorn, uvicorn, hypercorn, granian, puma, celery and sidekiq, from the places a start
// command or a server setting is written (Procfiles, Dockerfiles, Compose and PaaS files, systemd
// units, supervisor configs, shell scripts, gunicorn config files, puma.rb, uvicorn.run calls).
// Commented lines are not read: a commented-out flag configures nothing.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';
import { baseName } from '../formats/paths.js';

export type AppServer = 'gunicorn' | 'uvicorn' | 'hypercorn' | 'granian' | 'puma' | 'celery' | 'sidekiq';

/** How many worker processes a line sets. */
export type WorkerCount =
  | { kind: 'number'; count: number }
  /** An expression of the machine (`multiprocessing.cpu_count() * 2 + 1`). */
  | { kind: 'computed' }
  /** An environment variable, with the default the line gives, if any. */
  | { kind: 'env'; variable: string; fallback?: number };

export interface ServerLine {
  server: AppServer;
  path: string;
  line: number;
  excerpt: string;
  /** A start command (`gunicorn app:app -w 4`) or a setting in the server's config file (`workers = 4`). */
  source: 'command' | 'config';
  /** Absent when the line starts the server without setting a worker count. */
  workers?: WorkerCount;
}

export interface AppServersEvidence {
  lines: ServerLine[];
}

/** Files that start processes or configure servers. */
const LAUNCH_FILE =
  /^(?:Procfile(?:\.[\w-]+)?|Dockerfile(?:[.-][\w-]+)?|[\w.-]+\.dockerfile|(?:docker-)?compose(?:[.-][\w-]+)?\.ya?ml|podman-compose(?:[.-][\w-]+)?\.ya?ml|render\.ya?ml|fly(?:\.[\w-]+)?\.toml|railway\.(?:json|toml)|app\.json|[\w.@-]+\.service|supervisord?(?:[.-][\w-]+)?\.(?:conf|ini)|[\w.-]+\.sh|entrypoint|start|run|gunicorn[\w.-]*\.(?:py|conf)|puma\.rb|sidekiq\.ya?ml|(?:main|run|server|app|asgi|wsgi|serve|start|__main__)\.py)$/;
const SUPERVISOR_FOLDER = /(?:^|\/)(?:supervisor|supervisord)\/[^/]+\.(?:conf|ini)$/;

/** The server's executable followed by arguments or the end of the command (not `gunicorn.conf.py`, `/log/gunicorn/`). */
const COMMAND = /\b(gunicorn|uvicorn|hypercorn|granian|puma|celery|sidekiq)(?=\s|$|["',\]])/;
const MAX_EXCERPT = 120;

export const appServersCollector: Collector<AppServersEvidence> = {
  id: 'app-servers',
  async collect(repo: RepoView): Promise<AppServersEvidence> {
    const paths = repo.files.filter(
      (path) =>
        (LAUNCH_FILE.test(baseName(path)) || SUPERVISOR_FOLDER.test(path)) &&
        !VENDORED_OR_GENERATED.test(path),
    );
    const parsed = await repo.perFiles('app-servers', paths, (text, index) =>
      serverLines(paths[index] as string, text),
    );
    return { lines: parsed.flatMap((lines) => lines ?? []) };
  },
};

/** The lines of one file that start a server or set its worker count. */
export function serverLines(path: string, text: string): ServerLine[] {
  const name = baseName(path);
  const configOf: AppServer | undefined = /^gunicorn[\w.-]*\.(?:py|conf)$/.test(name)
    ? 'gunicorn'
    : name === 'puma.rb'
      ? 'puma'
      : /^sidekiq\.ya?ml$/.test(name)
        ? 'sidekiq'
        : undefined;
  const found: ServerLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (raw.length > 2000) return;
    const line = raw.trim();
    if (!line || /^(?:#|\/\/|;|REM\b)/i.test(line)) return;
    const at = { path, line: index + 1, excerpt: line.slice(0, MAX_EXCERPT) };
    if (configOf) {
      const workers = configWorkers(configOf, line);
      if (workers) found.push({ server: configOf, ...at, source: 'config', workers });
      return;
    }
    if (/\.py$/.test(name)) {
      // uvicorn.run(app, workers=4) / granian in code: the only server start a .py file holds here.
      const run = /\b(uvicorn|hypercorn)\.run\s*\(/.exec(line);
      if (run) {
        const count = /\bworkers\s*=\s*([^,)]+)/.exec(line)?.[1];
        found.push({ server: run[1] as AppServer, ...at, source: 'command', ...workersOf(count) });
      }
      return;
    }
    const command = COMMAND.exec(line);
    if (!command) return;
    const server = command[1] as AppServer;
    // A line that installs or pins the package (`pip install gunicorn`) starts nothing.
    if (/\b(?:pip3?|poetry|uv|gem|bundle)\s+(?:add|install)\b|\brequirements\b/.test(line)) return;
    if (server === 'celery' && !/\bworker\b/.test(line)) return;
    // Exec-form arrays (`["gunicorn", "-w", "4"]`) read as plain words.
    const flag = FLAGS[server].exec(line.replace(/["'[\],]/g, ' '))?.[1];
    found.push({ server, ...at, source: 'command', ...workersOf(flag) });
  });
  return found;
}

const FLAGS: Record<AppServer, RegExp> = {
  gunicorn: /(?:^|\s)(?:-w|--workers)(?:\s*=\s*|\s+)(\S+)/,
  uvicorn: /(?:^|\s)--workers(?:\s*=\s*|\s+)(\S+)/,
  hypercorn: /(?:^|\s)(?:-w|--workers)(?:\s*=\s*|\s+)(\S+)/,
  granian: /(?:^|\s)--workers(?:\s*=\s*|\s+)(\S+)/,
  puma: /(?:^|\s)(?:-w|--workers)(?:\s*=\s*|\s+)(\S+)/,
  celery: /(?:^|\s)(?:-c|--concurrency|--autoscale)(?:\s*=\s*|\s+)(\S+)/,
  sidekiq: /(?:^|\s)(?:-c|--concurrency)(?:\s*=\s*|\s+)(\S+)/,
};

function configWorkers(server: AppServer, line: string): WorkerCount | undefined {
  const value =
    server === 'gunicorn'
      ? /^workers\s*=\s*(.+)$/.exec(line)?.[1]
      : server === 'puma'
        ? /^workers\s*\(?\s*(.+?)\)?\s*$/.exec(line)?.[1]
        : /^:?concurrency:\s*(.+)$/.exec(line)?.[1];
  return value === undefined ? undefined : workersOf(value).workers;
}

/** What a written worker count means: a number, the machine's CPUs, or an environment variable. */
function workersOf(raw: string | undefined): { workers?: WorkerCount } {
  if (raw === undefined) return {};
  const value = raw.replace(/#.*$/, '').trim();
  if (/^\d+(?:,\d+)?$/.test(value))
    return { workers: { kind: 'number', count: Math.max(...value.split(',').map(Number)) } };
  const variable =
    /\$\{?(\w+)|ENV(?:\.fetch)?\s*[([]\s*["'](\w+)|environ(?:\.get)?\s*[([]\s*["'](\w+)|getenv\s*\(\s*["'](\w+)/.exec(
      value,
    );
  if (variable) {
    const fallback = /(?::-|,\s*|\{\s*|\|\|\s*)["']?(\d+)/.exec(value.slice(variable.index))?.[1];
    return {
      workers: {
        kind: 'env',
        variable: variable.slice(1).find(Boolean) as string,
        ...(fallback ? { fallback: Number(fallback) } : {}),
      },
    };
  }
  if (/cpu_count|nproc|cpus|processor|Etc\.nprocessors|os\.cpus/i.test(value))
    return { workers: { kind: 'computed' } };
  return {};
}
