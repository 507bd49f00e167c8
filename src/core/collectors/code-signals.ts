// Code and configuration signals (metrics, logging, error tracking, tracing, headers, CORS, rate
// limiting, validation, ORMs, shutdown, migrations, backups, process managers, Prometheus and
// Grafana files) in one pass per file, kept apart from dependencies merely declared in manifests:
// a package in package.json that no code imports is weaker evidence than one wired in.

import type { Collector, RepoView } from '../evidence.js';
import { withoutComments } from '../formats/comments.js';
import { isTestPath, MAX_SOURCE_LINE, scanKind } from '../formats/source-files.js';
import type { ScanLanguage, SignalId } from './code-signals/catalogue.js';
import { detectorsFor } from './code-signals/detectors.js';
import {
  declaredPackages,
  type Ecosystem,
  librariesFor,
  manifestEcosystem,
} from './code-signals/manifests.js';
import {
  APPLIED_SIGNALS,
  type Application,
  findWiring,
  linkApplications,
  type PendingName,
  type Site,
  springFilterApplications,
  WIRING_LANGUAGES,
} from './code-signals/wiring.js';

export type { SignalId } from './code-signals/catalogue.js';
export { LIBRARIES } from './code-signals/catalogue.js';
export type { Ecosystem } from './code-signals/manifests.js';
export type { Application } from './code-signals/wiring.js';
export { APPLIED_SIGNALS, WIRING_LANGUAGES } from './code-signals/wiring.js';

export interface SignalLocation {
  path: string;
  /** Absent when the evidence is a file or folder as a whole (migration files, a Procfile). */
  line?: number;
  excerpt: string;
}

export interface SignalHit extends SignalLocation {
  signal: SignalId;
  library: string;
  /** `default`: behaviour the platform provides without code; decides nothing alone. */
  how: 'import' | 'call' | 'config' | 'default' | 'file';
  /** In a test, fixture or example file: not production wiring. */
  test: boolean;
}

export interface DeclaredDependency extends SignalLocation {
  signal: SignalId;
  library: string;
  /** Package name as the manifest writes it. */
  name: string;
  ecosystem: Ecosystem;
}

export interface CodeSignals {
  wired: SignalHit[];
  declared: DeclaredDependency[];
  /** Lines suggesting a home-grown implementation (`rateLimit` helper, `/metrics` literal). */
  hints: SignalHit[];
  /** Queries built by concatenating or interpolating values into SQL text. */
  stringBuiltSql: SignalLocation[];
  /** CORS configuration that admits every origin. */
  openCors: SignalLocation[];
  /** Where middleware libraries are applied (`app.use(helmet())`), in this file or through a name built from them. */
  applied: (Application & { test: boolean })[];
  /** Per file, for linking across files: names built from a library and left unapplied there. */
  pending: PendingName[];
  /** Per file, for linking across files: application calls using imported names. */
  sites: Site[];
  /** Files read, with what they were read as. */
  scanned: { path: string; languages: ScanLanguage[] }[];
  manifests: { path: string; ecosystem: Ecosystem }[];
}

const SKIPPED =
  /(^|\/)(node_modules|vendor|dist|build|out|\.next|\.nuxt|target|coverage|__pycache__|\.venv|venv|deps|_build|third_party|bower_components|\.git)\//;
const MAX_HITS_PER_FILE = 2;
const MAX_LOCATIONS = 20;

interface PathSignal {
  signal: SignalId;
  library: string;
  pattern: RegExp;
  /** Folder the files are grouped under (regex group 1), so many migrations make one hit. */
}

const FILE_SIGNALS: PathSignal[] = [
  {
    signal: 'migrations',
    library: 'Prisma Migrate',
    pattern: /^(.*?prisma\/migrations)\/[^/]+\/migration\.sql$/,
  },
  { signal: 'migrations', library: 'Alembic', pattern: /^(.*?(?:alembic|migrations)\/versions)\/[^/]+\.py$/ },
  { signal: 'migrations', library: 'Django migrations', pattern: /^(.*?migrations)\/\d{4}_\w+\.py$/ },
  { signal: 'migrations', library: 'Ecto', pattern: /^(.*?priv\/repo\/migrations)\/[^/]+\.exs$/ },
  { signal: 'migrations', library: 'Rails', pattern: /^(.*?db\/migrate)\/\d+_\w+\.rb$/ },
  { signal: 'migrations', library: 'Flyway', pattern: /^(.*?)\/V\d+(?:[._]\d+)*__[\w-]+\.sql$/ },
  {
    signal: 'migrations',
    library: 'Liquibase',
    pattern: /^(.*?)\/db\.changelog[\w.-]*\.(?:xml|ya?ml|json|sql)$/,
  },
  { signal: 'migrations', library: 'SQL migrations', pattern: /^(.*?migrations?)\/[^/]*\.(?:up|down)\.sql$/ },
  { signal: 'migrations', library: 'SQL migrations', pattern: /^(.*?migrations?)\/\d+_[\w-]+\.sql$/ },
  { signal: 'migrations', library: 'SQL migrations', pattern: /^(.*?migrations)\/[^/]+\/up\.sql$/ },
  { signal: 'migrations', library: 'Drizzle Kit', pattern: /^(.*?drizzle)\/\d{4}_[\w-]+\.sql$/ },
  {
    signal: 'migrations',
    library: 'JavaScript migrations',
    pattern: /^(.*?migrations?)\/\d{8,}[-_\w]*\.(?:js|ts|cjs|mjs)$/,
  },
  { signal: 'process-manager', library: 'Procfile', pattern: /^((?:.*\/)?)Procfile$/ },
  {
    signal: 'process-manager',
    library: 'PM2 ecosystem file',
    pattern: /^((?:.*\/)?)(?:ecosystem\.config\.(?:js|cjs|mjs|json|ya?ml)|pm2\.(?:json|ya?ml|config\.js))$/,
  },
  {
    signal: 'process-manager',
    library: 'supervisord',
    pattern: /^((?:.*\/)?)(?:supervisord\.conf|supervisor\/[^/]+\.conf|supervisord\/[^/]+\.conf)$/,
  },
  // Log shippers' own configuration files.
  {
    signal: 'log-shipping',
    library: 'Fluent Bit config',
    pattern: /^((?:.*\/)?)fluent-?bit[\w.-]*\.(?:conf|ya?ml)$/,
  },
  {
    signal: 'log-shipping',
    library: 'Fluent Bit config',
    pattern: /^(.*?fluent-?bit)\/[^/]+\.(?:conf|ya?ml)$/,
  },
  { signal: 'log-shipping', library: 'Fluentd config', pattern: /^((?:.*\/)?)(?:fluentd?|td-agent)\.conf$/ },
  { signal: 'log-shipping', library: 'Fluentd config', pattern: /^(.*?fluentd)\/(?:.*\/)?[^/]+\.conf$/ },
  { signal: 'log-shipping', library: 'Vector config', pattern: /^((?:.*\/)?)vector\.(?:toml|ya?ml)$/ },
  { signal: 'log-shipping', library: 'Promtail config', pattern: /^((?:.*\/)?)promtail[\w.-]*\.ya?ml$/ },
  { signal: 'log-shipping', library: 'Promtail config', pattern: /^(.*?promtail)\/[^/]+\.ya?ml$/ },
  { signal: 'log-shipping', library: 'Logstash pipeline', pattern: /^((?:.*\/)?)logstash[\w.-]*\.conf$/ },
  { signal: 'log-shipping', library: 'Logstash pipeline', pattern: /^(.*?logstash)\/(?:.*\/)?[^/]+\.conf$/ },
  { signal: 'log-shipping', library: 'Filebeat config', pattern: /^((?:.*\/)?)filebeat[\w.-]*\.ya?ml$/ },
  { signal: 'log-shipping', library: 'Loki config', pattern: /^((?:.*\/)?)loki[\w.-]*\.ya?ml$/ },
  { signal: 'log-shipping', library: 'Grafana Alloy config', pattern: /^((?:.*\/)?)[^/]+\.alloy$/ },
  {
    signal: 'backups',
    library: 'backup script',
    pattern: /^((?:.*\/)?)[^/]*backup[^/]*\.(?:sh|bash|py|js|ts|rb)$/i,
  },
];

/** What a file is read as; a Django settings module is Python too, a Dockerfile is a container spec. */
function languagesOf(path: string): ScanLanguage[] {
  if (SKIPPED.test(path)) return [];
  const name = path.slice(path.lastIndexOf('/') + 1);
  const kind = scanKind(path);
  const languages: ScanLanguage[] = [];
  const language = kind?.language;
  if (language === 'javascript' || language === 'python' || language === 'go' || language === 'rust') {
    languages.push(language);
  } else if (language === 'elixir' || language === 'jvm' || language === 'ruby') languages.push(language);
  else if (language === 'spring-config') languages.push('spring-config');
  else if (language === 'dockerfile') languages.push('container');
  else if (language === 'shell') languages.push('shell');
  if (language === 'elixir' && /(^|\/)config\/[^/]+\.exs$/.test(path)) languages.push('elixir-config');
  if (language === 'python' && /(^|\/)settings(?:\/[^/]+|[\w-]*)\.py$/.test(path))
    languages.push('django-settings');
  if (language === 'spring-config' && /\.ya?ml$/.test(name)) languages.push('yaml');
  if (language === 'compose' || (!kind && /\.ya?ml$/i.test(name) && !/lock\.ya?ml$/.test(name)))
    languages.push('yaml');
  if (
    /(^|\/)nginx[^/]*\.conf(?:\.template)?$|(^|\/)(?:nginx|sites-(?:available|enabled)|conf\.d)\/[^/]+(?:\.conf)?$/.test(
      path,
    )
  ) {
    if (!languages.length) languages.push('nginx');
  }
  if (name === 'package.json' || (/\.json$/i.test(name) && /grafana|dashboard/i.test(path)))
    languages.push('json');
  if (/^(?:logback|log4j2)[\w-]*\.xml$/.test(name)) languages.push('logging-config');
  if (/\.(?:service|timer)$/.test(name)) languages.push('systemd');
  if (name === 'crontab' || /\.cron$/.test(name)) languages.push('shell');
  return languages;
}

export const codeSignalsCollector: Collector<CodeSignals> = {
  id: 'code-signals',
  async collect(repo: RepoView): Promise<CodeSignals> {
    const out = emptySignals();
    const fileGroups = new Map<string, SignalHit & { count: number }>();
    const toRead: { path: string; ecosystem?: Ecosystem; languages: ScanLanguage[] }[] = [];
    for (const path of repo.files) {
      if (SKIPPED.test(path)) continue;
      recordFileSignals(path, fileGroups);
      const ecosystem = manifestEcosystem(path);
      const languages = repo.perPath('signal-languages', path, () => languagesOf(path));
      if (ecosystem || languages.length) toRead.push({ path, ecosystem, languages });
    }
    // Read into a fresh result per file, kept so a PR's base reuses it for unchanged files.
    const found = await repo.perFiles(
      'code-signals',
      toRead.map(({ path }) => path),
      (text, index) => {
        const { path, ecosystem, languages } = toRead[index] as (typeof toRead)[number];
        const file = emptySignals();
        if (ecosystem) readManifest(path, ecosystem, text, file);
        if (languages.length) scanFile(path, text, languages, file);
        return Object.values(file).some((list: unknown[]) => list.length > 0) ? file : NO_SIGNALS;
      },
    );
    for (const file of found) if (file) merge(out, file);
    for (const application of linkApplications(out.pending, out.sites))
      out.applied.push({ ...application, test: isTestPath(application.path) });
    for (const group of fileGroups.values()) {
      const { count, ...hit } = group;
      out.wired.push({ ...hit, excerpt: count > 1 ? `${count} files, e.g. ${hit.excerpt}` : hit.excerpt });
    }
    return out;
  },
};

function emptySignals(): CodeSignals {
  return {
    wired: [],
    declared: [],
    hints: [],
    stringBuiltSql: [],
    openCors: [],
    applied: [],
    pending: [],
    sites: [],
    scanned: [],
    manifests: [],
  };
}

/** Shared by the many files that show nothing, so a PR check's memo stays small. Never written to. */
const NO_SIGNALS = emptySignals();

function merge(out: CodeSignals, file: CodeSignals): void {
  out.wired.push(...file.wired);
  out.declared.push(...file.declared);
  out.hints.push(...file.hints);
  out.scanned.push(...file.scanned);
  out.manifests.push(...file.manifests);
  out.applied.push(...file.applied);
  out.pending.push(...file.pending);
  out.sites.push(...file.sites);
  for (const at of file.stringBuiltSql)
    if (out.stringBuiltSql.length < MAX_LOCATIONS) out.stringBuiltSql.push(at);
  for (const at of file.openCors) if (out.openCors.length < MAX_LOCATIONS) out.openCors.push(at);
}

function recordFileSignals(path: string, groups: Map<string, SignalHit & { count: number }>): void {
  for (const spec of FILE_SIGNALS) {
    const match = spec.pattern.exec(path);
    if (!match) continue;
    const folder = (match[1] ?? '').replace(/\/$/, '');
    const key = `${spec.signal}\u0000${spec.library}\u0000${folder}`;
    const known = groups.get(key);
    if (known) known.count++;
    else {
      groups.set(key, {
        signal: spec.signal,
        library: spec.library,
        how: 'file',
        path: spec.signal === 'migrations' ? folder || path : path,
        excerpt: path.slice(path.lastIndexOf('/') + 1),
        test: isTestPath(path),
        count: 1,
      });
    }
    return;
  }
}

function readManifest(path: string, ecosystem: Ecosystem, text: string, out: CodeSignals): void {
  out.manifests.push({ path, ecosystem });
  for (const declared of declaredPackages(ecosystem, text)) {
    for (const spec of librariesFor(ecosystem, declared.name)) {
      out.declared.push({
        signal: spec.signal,
        library: spec.library,
        name: declared.name,
        ecosystem,
        path,
        line: declared.line,
        excerpt: declared.excerpt,
      });
    }
  }
}

function scanFile(path: string, text: string, languages: ScanLanguage[], out: CodeSignals): void {
  const raw = text.split(/\r\n|\r|\n/);
  if (languages.includes('javascript') && raw.some((line) => line.length > MAX_SOURCE_LINE)) return;
  // Commented-out code is not code: `// app.use(rateLimit())` applies nothing.
  const lines = withoutComments(raw, languages);
  out.scanned.push({ path, languages });
  const test = isTestPath(path);
  const sets = languages.map(detectorsFor);
  if (languages.includes('json') && /grafana|dashboard/i.test(path)) findDashboard(path, lines, test, out);
  // Only lines holding a literal some pattern of the set requires can match (lowercased once).
  const lower = text.toLowerCase();
  const candidates = sets.map((set) => set.gate.candidateLines(text, lower, lines));
  const visit = (index: number) => {
    const line = lines[index] as string;
    if (line.length > MAX_SOURCE_LINE) return;
    sets.forEach((set, which) => {
      const wanted = candidates[which];
      if (wanted && !wanted.has(index)) return;
      if (!set.prefilter.test(line)) return;
      const at = { path, line: index + 1, excerpt: line.trim().slice(0, 160) };
      for (const detector of set.detectors) {
        if (detector.pattern.test(line)) {
          addHit(out.wired, {
            ...at,
            signal: detector.signal,
            library: detector.library,
            how: detector.how,
            test,
          });
        }
      }
      for (const hint of set.hints) {
        if (hint.pattern.test(line))
          addHit(out.hints, { ...at, signal: hint.signal, library: 'hint', how: 'call', test });
      }
      if (
        !test &&
        set.stringBuiltSql.some((pattern) => pattern.test(line)) &&
        out.stringBuiltSql.length < MAX_LOCATIONS
      ) {
        out.stringBuiltSql.push(at);
      }
      if (
        !test &&
        set.openCors.some((pattern) => pattern.test(line)) &&
        out.openCors.length < MAX_LOCATIONS
      ) {
        out.openCors.push(at);
      }
    });
  };
  if (candidates.some((wanted) => wanted === undefined)) for (let i = 0; i < lines.length; i++) visit(i);
  else {
    // Every set is selective: visit the union of their candidate lines, in line order.
    const union = new Set<number>();
    for (const wanted of candidates) for (const index of wanted as Set<number>) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) visit(index);
  }
  const imports = out.wired
    .filter((hit) => hit.how === 'import' && APPLIED_SIGNALS.has(hit.signal))
    .map((hit) => ({ signal: hit.signal, library: hit.library, line: hit.line as number }));
  if (languages.includes('jvm'))
    for (const application of springFilterApplications(path, lines, imports))
      out.applied.push({ ...application, test });
  const language = languages.find((one) => WIRING_LANGUAGES.has(one));
  if (language) {
    const wiring = findWiring(path, lines, language, imports);
    for (const application of wiring.applied) out.applied.push({ ...application, test });
    out.pending.push(...wiring.pending);
    out.sites.push(...wiring.sites);
  }
}

function findDashboard(path: string, lines: string[], test: boolean, out: CodeSignals): void {
  const index = lines.findIndex((line) => /"panels"\s*:/.test(line));
  if (index < 0) return;
  const title = lines.map((line) => /"title"\s*:\s*"([^"]{1,80})"/.exec(line)?.[1]).find(Boolean);
  out.wired.push({
    signal: 'grafana-dashboard',
    library: 'Grafana dashboard',
    how: 'config',
    path,
    line: index + 1,
    excerpt: title ? `dashboard "${title}"` : (lines[index] ?? '').trim().slice(0, 160),
    test,
  });
}

/** A few hits per library and file are enough evidence; a file calling `logger.info` 500 times is not 500 facts. */
function addHit(list: SignalHit[], hit: SignalHit): void {
  let same = 0;
  for (const known of list) {
    if (known.signal === hit.signal && known.library === hit.library && known.path === hit.path) same++;
  }
  if (same < MAX_HITS_PER_FILE) list.push(hit);
}
