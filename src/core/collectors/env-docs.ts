// Where environment variables are documented: env templates (`.env.example` and kin), compose
// `environment:`, Kubernetes container `env:`, and Markdown docs.

import type { Collector, RepoView } from '../evidence.js';
import { inFolders } from '../formats/folders.js';
import { MAX_ALIASES, parseYamlStream } from '../formats/yaml.js';
import type { EnvLocation } from './env-reads.js';

export type EnvDocKind = 'template' | 'compose' | 'kubernetes' | 'markdown';

export interface EnvDoc extends EnvLocation {
  kind: EnvDocKind;
}

export interface EnvDocs {
  /** Env template files found, e.g. `.env.example`. */
  templates: string[];
  /** Where each variable name is documented. */
  documented: Map<string, EnvDoc[]>;
  /** Files that could not be parsed, with the reason. */
  unparsable: { path: string; reason: string }[];
}

const TEMPLATE =
  /(^|\/)(\.env(\.[\w-]+)*\.(example|sample|template|tmpl|dist|defaults?)|env\.(example|sample|template)|(example|sample)\.env|\.env\.(example|sample)\.[\w-]+)$/i;
const TEMPLATE_LINE = /^\s*#?\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;
const COMPOSE = /(^|\/)(docker-)?compose([-.][\w-]+)?\.ya?ml$/;
const YAML_FILE = /\.ya?ml$/;
const SKIPPED = inFolders(['node_modules', 'vendor', 'dist', 'build', '.git']);
const MARKDOWN_NAME = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;

export const envDocsCollector: Collector<EnvDocs> = {
  id: 'env-docs',
  unparsable: (docs) => docs.unparsable,
  async collect(repo: RepoView): Promise<EnvDocs> {
    const docs = emptyDocs();
    const candidates: { path: string; kind: 'template' | 'markdown' | 'yaml' }[] = [];
    for (const path of repo.files) {
      if (SKIPPED.test(path)) continue;
      const kind = TEMPLATE.test(path)
        ? 'template'
        : /\.mdx?$/i.test(path)
          ? 'markdown'
          : YAML_FILE.test(path)
            ? 'yaml'
            : undefined;
      if (kind) candidates.push({ path, kind });
    }
    // Kept per file so a PR's base reuses the findings of every unchanged file.
    const found = await repo.perFiles(
      'env-docs',
      candidates.map(({ path }) => path),
      (text, index) => {
        const { path, kind } = candidates[index] as (typeof candidates)[number];
        const file = scanDoc(path, text, kind);
        return file.templates.length || file.documented.size || file.unparsable.length ? file : NO_DOCS;
      },
    );
    for (const file of found) if (file) merge(docs, file);
    return docs;
  },
};

function emptyDocs(): EnvDocs {
  return { templates: [], documented: new Map(), unparsable: [] };
}

function scanDoc(path: string, text: string, kind: 'template' | 'markdown' | 'yaml'): EnvDocs {
  const docs = emptyDocs();
  if (kind === 'template') {
    docs.templates.push(path);
    eachLine(text, (line, number) => {
      const name = TEMPLATE_LINE.exec(line)?.[1];
      if (name) add(docs, name, { path, line: number, excerpt: redactValue(line), kind: 'template' });
    });
  } else if (kind === 'markdown') {
    eachLine(text, (line, number) => {
      for (const match of line.matchAll(MARKDOWN_NAME)) {
        add(docs, match[1] as string, {
          path,
          line: number,
          excerpt: line.trim().slice(0, 160),
          kind: 'markdown',
        });
      }
    });
  } else if (COMPOSE.test(path) || /^\s*apiVersion\s*:/m.test(text)) {
    collectYaml(path, text, COMPOSE.test(path) ? 'compose' : 'kubernetes', docs);
  }
  return docs;
}

/** Shared by the many files that document nothing, so a PR check's memo stays small. Never written to. */
const NO_DOCS = emptyDocs();

function merge(docs: EnvDocs, file: EnvDocs): void {
  docs.templates.push(...file.templates);
  docs.unparsable.push(...file.unparsable);
  for (const [name, found] of file.documented) for (const doc of found) add(docs, name, doc);
}

function collectYaml(path: string, text: string, kind: 'compose' | 'kubernetes', docs: EnvDocs): void {
  let names: string[];
  try {
    const documents = parseYamlStream(text);
    const list = Array.isArray(documents) ? documents : [documents];
    const broken = list.flatMap((document) => document.errors)[0];
    if (broken) {
      docs.unparsable.push({ path, reason: broken.message.split('\n')[0] ?? 'invalid YAML' });
      return;
    }
    names = list.flatMap((document) => {
      const value: unknown = document.toJS({ maxAliasCount: MAX_ALIASES.manifest });
      return kind === 'compose' ? composeNames(value) : kubernetesNames(value);
    });
  } catch (error) {
    docs.unparsable.push({
      path,
      reason: error instanceof Error ? (error.message.split('\n')[0] ?? 'invalid YAML') : 'invalid YAML',
    });
    return;
  }
  const lines = text.split(/\r\n|\r|\n/);
  for (const name of new Set(names)) {
    // Kubernetes env names are free text: escaped, a name like `[` or `(a+)+` is only a name.
    const named = new RegExp(`(^|[^\\w])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`);
    const index = lines.findIndex((line) => named.test(line));
    add(docs, name, { path, line: index + 1 || 1, excerpt: redactValue(lines[index] ?? name), kind });
  }
}

function composeNames(root: unknown): string[] {
  const services = isRecord(root) && isRecord(root.services) ? Object.values(root.services) : [];
  return services
    .flatMap((service) => {
      const environment = isRecord(service) ? service.environment : undefined;
      if (Array.isArray(environment))
        return environment.map((entry) => String(entry).split('=')[0]?.trim() ?? '');
      return isRecord(environment) ? Object.keys(environment) : [];
    })
    .filter((name) => /^[A-Za-z_]\w*$/.test(name));
}

function kubernetesNames(node: unknown, depth = 0): string[] {
  if (depth > 30 || node === null || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((child) => kubernetesNames(child, depth + 1));
  const record = node as Record<string, unknown>;
  const own = Array.isArray(record.env)
    ? record.env.flatMap((entry) => (isRecord(entry) && typeof entry.name === 'string' ? [entry.name] : []))
    : [];
  return [...own, ...Object.values(record).flatMap((child) => kubernetesNames(child, depth + 1))];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function add(docs: EnvDocs, name: string, doc: EnvDoc): void {
  const known = docs.documented.get(name);
  if (!known) docs.documented.set(name, [doc]);
  else if (known.length < 10) known.push(doc);
}

function eachLine(text: string, visit: (line: string, number: number) => void): void {
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.length <= 5000) visit(line, index + 1);
  });
}

/** Templates and manifests may hold real values by mistake: never repeat a value, only the name. */
function redactValue(line: string): string {
  return line
    .trim()
    .replace(/^(\s*(?:#\s*)?(?:export\s+)?(?:-\s*)?[\w.]+\s*[=:]).*$/, '$1 …')
    .slice(0, 160);
}
