// Where environment variables are documented: env templates (`.env.example` and kin), compose
// `environment:` and Kubernetes container `env:` (from the compose and kubernetes collectors'
// facts, not parsed again here), and Markdown docs.

import type { Collector, RepoView } from '../evidence.js';
import { inFolders } from '../formats/folders.js';
import { type ComposeEvidence, composeCollector } from './compose.js';
import type { EnvLocation } from './env-reads.js';
import { type KubernetesEvidence, kubernetesCollector } from './kubernetes.js';

export type EnvDocKind = 'template' | 'compose' | 'kubernetes' | 'markdown';

export interface EnvDoc extends EnvLocation {
  kind: EnvDocKind;
}

export interface EnvDocs {
  /** Env template files found, e.g. `.env.example`. */
  templates: string[];
  /** Where each variable name is documented. */
  documented: Map<string, EnvDoc[]>;
}

const TEMPLATE =
  /(^|\/)(\.env(\.[\w-]+)*\.(example|sample|template|tmpl|dist|defaults?)|env\.(example|sample|template)|(example|sample)\.env|\.env\.(example|sample)\.[\w-]+)$/i;
const TEMPLATE_LINE = /^\s*#?\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;
const SKIPPED = inFolders(['node_modules', 'vendor', 'dist', 'build', '.git']);
const MARKDOWN_NAME = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;

export const envDocsCollector: Collector<EnvDocs> = {
  id: 'env-docs',
  // Compose and Kubernetes files are read by their own collectors; what they set is taken from
  // there, so a manifest the Kubernetes rules skip (a test fixture) documents nothing here either.
  needs: [composeCollector, kubernetesCollector],
  async collect(repo: RepoView, _config, facts): Promise<EnvDocs> {
    const candidates: { path: string; kind: 'template' | 'markdown' }[] = [];
    for (const path of repo.files) {
      if (SKIPPED.test(path)) continue;
      const kind = TEMPLATE.test(path) ? 'template' : /\.mdx?$/i.test(path) ? 'markdown' : undefined;
      if (kind) candidates.push({ path, kind });
    }
    // Kept per file so a PR's base reuses the findings of every unchanged file.
    const found = await repo.perFiles(
      'env-docs',
      candidates.map(({ path }) => path),
      (text, index) => {
        const { path, kind } = candidates[index] as (typeof candidates)[number];
        const file = scanDoc(path, text, kind);
        return file.templates.length || file.documented.size ? file : NO_DOCS;
      },
    );
    const byPath = new Map<string, EnvDocs>();
    for (const [index, file] of found.entries())
      if (file && file !== NO_DOCS) byPath.set((candidates[index] as (typeof candidates)[number]).path, file);
    const manifests = [
      ...composeNames(facts.get(composeCollector)),
      ...kubernetesNames(facts.get(kubernetesCollector)),
    ];
    for (const { path, kind, names } of manifests) {
      if (SKIPPED.test(path) || byPath.has(path)) continue;
      const lines = (await repo.read(path))?.split(/\r\n|\r|\n/) ?? [];
      const file = emptyDocs();
      for (const { name, line } of names)
        add(file, name, { path, line, excerpt: redactValue(lines[line - 1] ?? name), kind });
      byPath.set(path, file);
    }
    // In path order, as the files are listed, so the first place a name is documented stays first.
    const docs = emptyDocs();
    for (const path of [...byPath.keys()].sort(byCodeUnit)) merge(docs, byPath.get(path) as EnvDocs);
    return docs;
  },
};

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type NamedIn = { path: string; kind: 'compose' | 'kubernetes'; names: { name: string; line: number }[] };

/** Names set in `environment:` of each Compose file's services, first place each, in service order. */
function composeNames(compose: ComposeEvidence): NamedIn[] {
  return compose.files.map((file) => ({
    path: file.path,
    kind: 'compose',
    names: firstOfEach(file.services.flatMap((service) => service.environment)),
  }));
}

/** Names in the `env` of workload containers, per manifest file (Helm templates at their source lines). */
function kubernetesNames(kubernetes: KubernetesEvidence): NamedIn[] {
  const byFile = new Map<string, { name: string; line: number }[]>();
  for (const workload of kubernetes.workloads)
    for (const container of workload.containers)
      for (const entry of container.env) {
        const names = byFile.get(entry.at.path) ?? [];
        names.push({ name: entry.name, line: entry.at.line });
        byFile.set(entry.at.path, names);
      }
  return [...byFile].map(([path, names]) => ({ path, kind: 'kubernetes', names: firstOfEach(names) }));
}

function firstOfEach(names: { name: string; line: number }[]): { name: string; line: number }[] {
  const seen = new Set<string>();
  return names.filter(({ name }) => !seen.has(name) && Boolean(seen.add(name)));
}

function emptyDocs(): EnvDocs {
  return { templates: [], documented: new Map() };
}

function scanDoc(path: string, text: string, kind: 'template' | 'markdown'): EnvDocs {
  const docs = emptyDocs();
  if (kind === 'template') {
    docs.templates.push(path);
    eachLine(text, (line, number) => {
      const name = TEMPLATE_LINE.exec(line)?.[1];
      if (name) add(docs, name, { path, line: number, excerpt: redactValue(line), kind: 'template' });
    });
  } else {
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
  }
  return docs;
}

/** Shared by the many files that document nothing, so a PR check's memo stays small. Never written to. */
const NO_DOCS = emptyDocs();

function merge(docs: EnvDocs, file: EnvDocs): void {
  docs.templates.push(...file.templates);
  for (const [name, found] of file.documented) for (const doc of found) add(docs, name, doc);
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
