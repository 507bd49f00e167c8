import { envReadsCollector } from '../../collectors/env-reads.js';
import { candidatePaths, inScope, isNonProductionPath } from '../../evidence.js';
import { citedPaths, extractPaths, type PathRef } from '../../extract/paths.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { ChecklistItem, Finding } from '../../types.js';

/** Folders usually created where the software runs, not committed. */
const RUNTIME_FOLDERS = /(^|\/)(logs?|tmp|temp|data|uploads|cache|backups?|storage|var|run|pids)$/;
/** What a build writes and repositories do not track: untracked, it is neither there nor missing. */
const BUILD_OUTPUT_FOLDERS =
  /(^|\/)(dist|build|out|target|\.next|\.nuxt|\.svelte-kit|\.output|coverage|htmlcov|bin|obj|public\/build|storybook-static|site|_site)$/;
/** Items about the deployment target ("Required directories created", "Volume mounts") name server paths. */
const DEPLOYMENT_WORDING =
  /\b(created?|mount(?:ed|s)?|volumes?|persist(?:ent|ence)?|on the server|exported|copied|copy)\b/i;

export const refPathExists: Rule<PathRef> = {
  id: 'ref.path-exists',
  title: 'Files and folders the item names exist',
  why: 'A ticked item that points at a deleted or never-written file is a claim nobody can follow; it rots silently.',
  fix: 'Restore or add the file the item names, or correct the path (and line range) in the checklist.',
  recognises:
    'Paths in code spans (`scripts/backup-db.sh`, `priv/`, `health-monitor.ts`), relative links, bare paths with a folder ' +
    'and extension in prose, line ranges (`routes.ts` lines 271-278, `src/app.ts:10-20`, [link](deploy.sh#L70)), and ' +
    "the same in nested plain bullets that cite the item's evidence. Commands, settings, " +
    'routes, URLs, packages and never-committed files (`.env.production`, `*.bin`, keys) are not paths.',
  needs: [envReadsCollector],
  // A file cited in a nested bullet is evidence the item rests on, as much as one in its text.
  match: (item) => [...extractPaths(item), ...citedPaths(item)],
  evaluate(ref, ctx, item) {
    return ref.bare ? findByName(ref, ctx) : findAtPath(ref, ctx, item);
  },
  examples: {
    match: [
      '**Database Backups** - Automated script with retention policy (`scripts/backup-db.sh`)',
      '**Scheduler/Poller Daemons** - Auto-start on server boot (`routes.ts` lines 271-278)',
      '**Health Monitoring** - System alerts for errors, latency, memory, disk (`health-monitor.ts`)',
      'Backup script tested: `./scripts/backup-db.sh`',
      'Copy `.env.production.example` to `.env.production`',
      'Configure all environment variables (see `.env.docker.example`)',
      'Runbook written: see [the runbook](docs/runbook.md)',
      'Monitoring alerts triggering (health-monitor.ts)',
      'Kubernetes manifests in `k8s/` reviewed',
      'Rate limiter lives in src/middleware/rate-limit.ts',
      'Rollback tested ([deploy script](scripts/deploy.sh#L70))',
      'Terraform variables documented\n  - see `infra/variables.tf`',
    ],
    noMatch: [
      '`.env.production` file created',
      '`./priv:/app/priv` - For persistent data',
      'Persistent data backup strategy: `priv/persistent_values.bin`, `priv/command_log.bin`',
      'Node environment set to `production`',
      'All `CHANGE_THIS_*` values updated',
      '`MIX_ENV=prod` - Production environment',
      'Run `npm run deploy:check` - verify dependencies',
      'Health endpoint responding: `GET /api/health`',
      'Application metrics exposed on `/metrics`',
      'License manager URL accessible: `https://lm.wanderer.ltd`',
      'Separate configurations for dev/staging/prod',
      'Built with Node.js and Express',
      'Uses `@nestjs/terminus` for health checks',
    ],
    verdicts: [
      {
        files: { 'scripts/backup-db.sh': '#!/bin/sh\npg_dump "$DATABASE_URL" > backup.sql\n' },
        item: '**Database Backups** - Automated script with retention policy (`scripts/backup-db.sh`)',
        verdict: 'pass',
      },
      {
        // Build output is not committed: its absence says nothing about the build.
        files: { 'package.json': '{ "scripts": { "build": "tsc -p ." } }\n' },
        item: 'Build output generated in `dist/`',
        verdict: 'unknown',
      },
      {
        files: { 'scripts/restore-db.sh': '#!/bin/sh\n' },
        item: '**Database Backups** - Automated script with retention policy (`scripts/backup-db.sh`)',
        verdict: 'fail',
      },
    ],
  },
};

function findByName(ref: PathRef, ctx: EvalContext): Finding {
  const exact = candidatePaths(ref.path, ctx.scope).find((path) => ctx.has(path));
  const named = ref.path.includes('/')
    ? ctx.files.filter((path) => path === ref.path || path.endsWith(`/${ref.path}`))
    : ctx.named(ref.path);
  const found = exact ?? named.find((path) => inScope(path, ctx.scope)) ?? named[0];
  const generator = found ? undefined : generatorOf(ref.path, ctx);
  if (generator) {
    return {
      verdict: 'unknown',
      message: `no tracked ${ref.path}, but ${generator} may generate it at build or request time (a framework route or generator), which the repository alone cannot show`,
      evidence: [{ path: generator }],
    };
  }
  if (!found) {
    return {
      verdict: 'fail',
      message: `no tracked file named ${ref.path} anywhere in the repository (searched ${ctx.files.length} files)`,
      evidence: [{ path: ref.path }],
    };
  }
  const others = named.length > 1 ? ` (and ${named.length - 1} more with that name)` : '';
  return withLineRange(ref, found, ctx, `${ref.path} found at ${found}${others}`);
}

/** Outputs frameworks render from code: Next.js `app/robots.ts`, Astro `sitemap.xml.ts`. */
const GENERATED_OUTPUT = /^([\w.-]+?)\.(txt|xml|json|html|webmanifest)$/i;
const SOURCE_EXTENSIONS = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'py', 'rb', 'php', 'go'];

/** A tracked source file that renders the named output, when the output itself is absent. */
function generatorOf(cited: string, ctx: EvalContext): string | undefined {
  const name = cited.split('/').pop() ?? cited;
  const output = GENERATED_OUTPUT.exec(name);
  if (!output) return undefined;
  const [, stem, extension] = output as unknown as [string, string, string];
  const candidates = SOURCE_EXTENSIONS.flatMap((source) => [
    `${stem}.${source}`,
    `${stem}.${extension}.${source}`,
  ]);
  if (/^(?:robots|sitemap)/i.test(stem)) candidates.push('next-sitemap.config.js', 'next-sitemap.config.cjs');
  const generators = candidates.flatMap((candidate) => ctx.named(candidate));
  return generators.find((path) => inScope(path, ctx.scope)) ?? generators[0];
}

function findAtPath(ref: PathRef, ctx: EvalContext, item: ChecklistItem): Finding {
  const candidates = candidatePaths(ref.path, ctx.scope);
  const file = ref.folder ? undefined : candidates.find((path) => ctx.has(path));
  if (file) return withLineRange(ref, file, ctx, `${file} exists`);
  const folder = candidates.find((path) => ctx.hasDir(path));
  if (folder) return { verdict: 'pass', message: `folder ${folder}/ exists`, evidence: [{ path: folder }] };
  const where = candidates.join(' or ');
  // Monorepos: a checklist at the root often cites paths relative to the app it describes
  // (`app/error.tsx` for apps/web/app/error.tsx). The same trailing path elsewhere is that file.
  const nested = nestedMatches(ref, ctx);
  if (nested.length > 0) {
    const first = nested[0] as string;
    const others = nested.length > 1 ? ` (and ${nested.length - 1} more)` : '';
    const found = `${ref.path} is not at ${where}, but ${ref.folder ? 'folder ' : ''}${first}${ref.folder ? '/' : ''} exists${others}`;
    return ref.folder
      ? { verdict: 'pass', message: found, evidence: [{ path: first }] }
      : withLineRange(ref, first, ctx, found);
  }
  const wording = [item.text, ...item.parents].join(' ');
  if (ref.folder && BUILD_OUTPUT_FOLDERS.test(ref.path.replace(/^\.\//, '').replace(/\/+$/, ''))) {
    return {
      verdict: 'unknown',
      message: `no folder ${where}/ in the repository; it is where a build writes its output, which repositories do not track, so only a build can show it`,
      evidence: [{ path: candidates[0] as string }],
    };
  }
  if (ref.folder && (RUNTIME_FOLDERS.test(ref.path) || DEPLOYMENT_WORDING.test(wording))) {
    return {
      verdict: 'unknown',
      message: `no folder ${where}/ in the repository; it may be created where the software runs, which the repository cannot show`,
      evidence: [{ path: candidates[0] as string }],
    };
  }
  return {
    verdict: 'fail',
    message: `no ${ref.folder ? 'folder' : 'file or folder'} ${where} in the repository`,
    evidence: candidates.map((path) => ({ path })),
  };
}

/** Files (or, for a folder, folders) whose path ends with the cited one, in scope first. */
function nestedMatches(ref: PathRef, ctx: EvalContext): string[] {
  const cited = ref.path.replace(/^\.\//, '').replace(/\/$/, '');
  // One bare folder name (`k8s/`) could be any copy of it; a longer path is specific enough.
  if (!cited.includes('/')) return [];
  const found = new Set<string>();
  const citedIsProduction = !isNonProductionPath(cited);
  // The cheap test first: this runs over every file for every path an item cites and lacks.
  for (const path of ctx.files) {
    let match: string | undefined;
    if (ref.folder) {
      const at = path.indexOf(`/${cited}/`);
      if (at >= 0) match = path.slice(0, at + cited.length + 1);
    } else if (path.endsWith(`/${cited}`)) match = path;
    if (match !== undefined && !(citedIsProduction && isNonProductionPath(path))) found.add(match);
  }
  return [...found].sort(
    (a, b) => Number(inScope(b, ctx.scope)) - Number(inScope(a, ctx.scope)) || a.length - b.length,
  );
}

function withLineRange(ref: PathRef, path: string, ctx: EvalContext, found: string): Finding {
  if (!ref.lines) return { verdict: 'pass', message: found, evidence: [{ path }] };
  const range = `lines ${ref.lines.from}-${ref.lines.to}`;
  const count = ctx.get(envReadsCollector).lineCounts.get(path);
  if (count === undefined) {
    return {
      verdict: 'unknown',
      message: `${found}, but its length was not measured (not a scanned source file), so ${range} cannot be checked`,
      evidence: [{ path }],
    };
  }
  if (count < ref.lines.to) {
    return {
      verdict: 'fail',
      message: `${path} has ${count} lines; the item cites ${range}`,
      evidence: [{ path, line: count }],
    };
  }
  return {
    verdict: 'pass',
    message: `${found} with ${count} lines, covering ${range}`,
    evidence: [{ path, line: ref.lines.from }],
  };
}
