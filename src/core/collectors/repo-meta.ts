// Repository process configuration: dependency update bots, CODEOWNERS, and the hooks
// and configs of secret scanners. Read once, parsed defensively, never executed.

import type { Collector, RepoView } from '../evidence.js';
import { parsePackageJson } from '../formats/package-json.js';
import { loadYaml, type UnparsableFile } from '../formats/yaml.js';

export interface DependabotUpdate {
  ecosystem: string;
  /** Directories as written (`/`, `/services/api`); `directories` entries included. */
  directories: string[];
  line: number;
}

export interface DependabotConfig {
  path: string;
  updates: DependabotUpdate[];
}

export interface RenovateConfig {
  path: string;
  /** False only when the config says `"enabled": false`. */
  enabled: boolean;
  /** 1-based line where the config starts (the `renovate` key for package.json). */
  line: number;
}

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
}

export interface CodeownersFile {
  path: string;
  rules: CodeownersRule[];
}

export interface PreCommitHook {
  repo: string;
  id: string;
  line: number;
}

export interface GitHook {
  /** `.husky/pre-commit`, `lefthook.yml`. */
  path: string;
  text: string;
}

export interface RepoMetaEvidence {
  dependabot?: DependabotConfig;
  renovate: RenovateConfig[];
  /** In GitHub's lookup order; the first one is the file GitHub uses. */
  codeowners: CodeownersFile[];
  preCommit?: { path: string; hooks: PreCommitHook[] };
  gitHooks: GitHook[];
  /** Secret scanner configuration files (`.gitleaks.toml`, `.secretlintrc.json`, `.secrets.baseline`). */
  secretScannerConfigs: string[];
  unparsable: UnparsableFile[];
}

const DEPENDABOT = ['.github/dependabot.yml', '.github/dependabot.yaml'];
const RENOVATE = [
  'renovate.json',
  'renovate.json5',
  '.github/renovate.json',
  '.github/renovate.json5',
  '.gitlab/renovate.json',
  '.gitlab/renovate.json5',
  '.renovaterc',
  '.renovaterc.json',
  '.renovaterc.json5',
];
/** GitHub uses the first CODEOWNERS it finds in this order. */
const CODEOWNERS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
const PRE_COMMIT = '.pre-commit-config.yaml';
const GIT_HOOK_FILE = /^(\.husky\/[^/_][^/]*|lefthook\.ya?ml|\.lefthook\.ya?ml|\.githooks\/[^/]+)$/;
const SECRET_SCANNER_CONFIG =
  /^(\.gitleaks\.toml|gitleaks\.toml|\.secretlintrc(\.json|\.ya?ml|\.js|\.cjs)?|\.secrets\.baseline|\.trufflehog\.ya?ml|\.gitguardian\.ya?ml)$/;

export const repoMetaCollector: Collector<RepoMetaEvidence> = {
  id: 'repo-meta',
  unparsable: (evidence) => evidence.unparsable.map((file) => ({ path: file.path, reason: file.error })),
  async collect(repo) {
    const evidence: RepoMetaEvidence = {
      renovate: [],
      codeowners: [],
      gitHooks: [],
      secretScannerConfigs: repo.files.filter((path) => SECRET_SCANNER_CONFIG.test(path)),
      unparsable: [],
    };
    await readDependabot(repo, evidence);
    await readRenovate(repo, evidence);
    for (const path of CODEOWNERS) {
      const source = repo.has(path) ? await repo.read(path) : null;
      if (source !== null) evidence.codeowners.push({ path, rules: parseCodeowners(source) });
    }
    await readPreCommit(repo, evidence);
    for (const path of repo.files.filter((file) => GIT_HOOK_FILE.test(file))) {
      const source = await repo.read(path);
      if (source !== null) evidence.gitHooks.push({ path, text: source });
    }
    return evidence;
  },
};

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readDependabot(repo: RepoView, evidence: RepoMetaEvidence): Promise<void> {
  const path = DEPENDABOT.find((candidate) => repo.has(candidate));
  const source = path ? await repo.read(path) : null;
  if (!path || source === null) return;
  const loaded = loadYaml(source);
  if ('error' in loaded) {
    evidence.unparsable.push({ path, error: loaded.error });
    return;
  }
  const updates = isDict(loaded.value) && Array.isArray(loaded.value.updates) ? loaded.value.updates : [];
  evidence.dependabot = {
    path,
    updates: updates.flatMap((entry, index): DependabotUpdate[] => {
      if (!isDict(entry) || typeof entry['package-ecosystem'] !== 'string') return [];
      const directories = [entry.directory, ...(Array.isArray(entry.directories) ? entry.directories : [])];
      return [
        {
          ecosystem: entry['package-ecosystem'],
          directories: directories.filter((dir): dir is string => typeof dir === 'string'),
          line: loaded.lineOf(['updates', index]) ?? 1,
        },
      ];
    }),
  };
}

async function readRenovate(repo: RepoView, evidence: RepoMetaEvidence): Promise<void> {
  for (const path of RENOVATE) {
    const source = repo.has(path) ? await repo.read(path) : null;
    if (source === null) continue;
    evidence.renovate.push({ path, enabled: !/"?enabled"?\s*:\s*false/.test(topLevelOnly(source)), line: 1 });
  }
  const manifest = repo.has('package.json') ? await repo.read('package.json') : null;
  if (manifest === null) return;
  // An invalid package.json is another collector's finding; it simply holds no Renovate config here.
  const parsed = parsePackageJson(manifest);
  if ('manifest' in parsed && isDict(parsed.manifest.renovate)) {
    const line = manifest.slice(0, manifest.indexOf('"renovate"')).split('\n').length;
    evidence.renovate.push({
      path: 'package.json',
      enabled: parsed.manifest.renovate.enabled !== false,
      line,
    });
  }
}

/**
 * The text of a JSON(5) object at depth one, so `"enabled": false` inside a packageRule
 * (which disables one package, not Renovate) is not mistaken for the global switch.
 */
function topLevelOnly(source: string): string {
  let depth = 0;
  let kept = '';
  for (const char of source) {
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (depth === 1) kept += char;
  }
  return kept;
}

/** CODEOWNERS lines: `pattern @owner ...`; comments, blank lines and escaped `#` handled. */
export function parseCodeowners(source: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  for (const [index, raw] of source.split(/\r?\n/).entries()) {
    const line = raw.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (!line) continue;
    const [pattern, ...owners] = line.split(/\s+/);
    if (pattern) rules.push({ pattern: pattern.replace(/\\#/g, '#'), owners, line: index + 1 });
  }
  return rules;
}

async function readPreCommit(repo: RepoView, evidence: RepoMetaEvidence): Promise<void> {
  const source = repo.has(PRE_COMMIT) ? await repo.read(PRE_COMMIT) : null;
  if (source === null) return;
  const loaded = loadYaml(source);
  if ('error' in loaded) {
    evidence.unparsable.push({ path: PRE_COMMIT, error: loaded.error });
    return;
  }
  const repos = isDict(loaded.value) && Array.isArray(loaded.value.repos) ? loaded.value.repos : [];
  const hooks: PreCommitHook[] = [];
  for (const [repoIndex, entry] of repos.entries()) {
    if (!isDict(entry) || !Array.isArray(entry.hooks)) continue;
    const repoUrl = typeof entry.repo === 'string' ? entry.repo : '';
    for (const [hookIndex, hook] of entry.hooks.entries()) {
      if (!isDict(hook) || typeof hook.id !== 'string') continue;
      const line = loaded.lineOf(['repos', repoIndex, 'hooks', hookIndex]) ?? 1;
      hooks.push({ repo: repoUrl, id: hook.id, line });
    }
  }
  evidence.preCommit = { path: PRE_COMMIT, hooks };
}
