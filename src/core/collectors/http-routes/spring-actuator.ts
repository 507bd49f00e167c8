// Routes Spring Boot Actuator serves, read from what decides them: the actuator starter in the
// build, and the base `application.properties|yml` (exposure list, base path, context path,
// health probes). Profile files (`application-prod.yml`) change them only under that profile, so
// they are not read: a route exposed only there is not shown served.

import type { RepoView } from '../../evidence.js';
import { canonicalRoute } from '../../extract/routes.js';
import { isTestPath } from '../../formats/source-files.js';

/** A route declaration as http-routes records it (kept structural: this file is part of that collector). */
export interface ActuatorRoute {
  path: string;
  line: number;
  excerpt: string;
  method: string;
  route: string;
  canonical: string;
}

const BASE_CONFIG = /(^|\/)application\.(?:properties|ya?ml)$/;
const BUILD = /(^|\/)(?:pom\.xml|build\.gradle(?:\.kts)?)$/;
/** What `include: "*"` exposes on a plain Spring Boot app (prometheus only with its registry). */
const STANDARD = [
  'health',
  'info',
  'metrics',
  'env',
  'loggers',
  'beans',
  'mappings',
  'conditions',
  'configprops',
  'threaddump',
  'heapdump',
  'scheduledtasks',
  'caches',
];

interface Setting {
  value: string;
  line: number;
  excerpt: string;
}

/** Flattened `a.b.c` keys of a properties or YAML file (YAML read by indentation, lists joined with commas). */
export function springSettings(path: string, text: string): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  const lines = text.split(/\r\n|\r|\n/);
  if (/\.properties$/.test(path)) {
    lines.forEach((raw, index) => {
      const match = /^\s*([\w.[\]-]+)\s*[=:]\s*(.*?)\s*$/.exec(raw);
      if (match && !/^\s*[#!]/.test(raw))
        settings.set(match[1] as string, { value: match[2] as string, line: index + 1, excerpt: raw.trim() });
    });
    return settings;
  }
  const stack: { indent: number; key: string }[] = [];
  let listKey: string | undefined;
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\s+#.*$/, '');
    if (!line.trim() || /^\s*#/.test(line)) continue;
    // A second document (`---`) is another profile's: only the first is the base configuration.
    if (/^---/.test(line)) break;
    const indent = (/^\s*/.exec(line) as RegExpExecArray)[0].length;
    const item = /^\s*-\s*["']?([^"'\s]+)["']?\s*$/.exec(line);
    if (item && listKey) {
      const known = settings.get(listKey);
      if (known) known.value = known.value ? `${known.value},${item[1]}` : (item[1] as string);
      continue;
    }
    const entry = /^\s*([\w.-]+)\s*:\s*(.*)$/.exec(line);
    if (!entry) continue;
    while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
    const key = [...stack.map((part) => part.key), entry[1] as string].join('.');
    const value = (entry[2] as string).trim();
    listKey = undefined;
    if (value) settings.set(key, { value, line: index + 1, excerpt: raw.trim() });
    else {
      stack.push({ indent, key: entry[1] as string });
      settings.set(key, { value: '', line: index + 1, excerpt: raw.trim() });
      listKey = key;
    }
  }
  return settings;
}

function unquote(value: string): string {
  return value.replace(/^[[\s"']+|[\]\s"']+$/g, '');
}

function ids(value: string): string[] {
  return value
    .split(',')
    .map((id) => unquote(id).trim())
    .filter(Boolean);
}

/** The Actuator routes the base configuration exposes over HTTP, each pointing at the line that exposes it. */
export async function actuatorRoutes(repo: RepoView): Promise<ActuatorRoute[]> {
  const builds = repo.files.filter((path) => BUILD.test(path));
  if (!builds.length) return [];
  const declared = await repo.perFiles('spring-actuator-build', builds, (text) => ({
    actuator: text.includes('spring-boot-starter-actuator'),
    prometheus: text.includes('micrometer-registry-prometheus'),
  }));
  if (!declared.some((build) => build?.actuator)) return [];
  const prometheus = declared.some((build) => build?.prometheus);
  const configs = repo.files.filter((path) => BASE_CONFIG.test(path) && !isTestPath(path));
  const read = await repo.perFiles('spring-actuator-config', configs, (text, index) => [
    ...springSettings(configs[index] as string, text),
  ]);
  const routes: ActuatorRoute[] = [];
  configs.forEach((path, index) => {
    const settings = new Map(read[index] ?? []);
    const get = (key: string) => settings.get(key);
    // Endpoints switched off by default need each one enabled: not followed here.
    if (/^false$/i.test(get('management.endpoints.enabled-by-default')?.value ?? '')) return;
    const include = get('management.endpoints.web.exposure.include');
    const exclude = new Set(ids(get('management.endpoints.web.exposure.exclude')?.value ?? ''));
    const wanted = include ? ids(include.value) : ['health'];
    const exposed = (wanted.includes('*') ? [...STANDARD, ...(prometheus ? ['prometheus'] : [])] : wanted)
      .filter((id) => !exclude.has(id) && !exclude.has('*'))
      .filter((id) => id !== 'prometheus' || prometheus);
    const context = unquote(get('server.servlet.context-path')?.value ?? '');
    const base = unquote(get('management.endpoints.web.base-path')?.value ?? '/actuator');
    const at = include ?? { line: 1, excerpt: `${path} (Actuator exposes health by default)` };
    const add = (id: string, where: Setting | { line: number; excerpt: string }) => {
      const route = `/${[context, base, id]
        .map((part) => part.replace(/^\/+|\/+$/g, ''))
        .filter(Boolean)
        .join('/')}`;
      routes.push({
        path,
        line: where.line,
        excerpt: where.excerpt,
        method: 'GET',
        route,
        canonical: canonicalRoute(route),
      });
    };
    for (const id of exposed) add(id, at);
    const probes =
      get('management.endpoint.health.probes.enabled') ?? get('management.health.probes.enabled');
    if (exposed.includes('health') && probes && /^true$/i.test(unquote(probes.value))) {
      add('health/liveness', probes);
      add('health/readiness', probes);
    }
  });
  return routes;
}
