import { DEV_TOOLS, type DevTool, devToolsCollector } from '../../collectors/dev-tools.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

export interface DevToolClaim {
  tool: DevTool;
  /** The item claims a result (0 offenses, passing), which configuration cannot show. */
  outcome: boolean;
  /** The item qualifies the configuration ("ESLint (Airbnb rules)"), which a reviewer judges. */
  qualified: boolean;
}

/**
 * Words that, around the tool's name, only say it is set up: "ESLint configured",
 * "Set up pre-commit hooks", "golangci-lint 配置" (configuration), "Codecov 集成" (integration).
 */
const SET_UP_WORDS =
  /\b(?:set\s?up|setup|add(?:ed)?|configur(?:e|ed|ation)|config|enabl(?:e|ed)|install(?:ed)?|integrat(?:e|ed|ion)|in place|use[sd]?|hooks?|files?|and|with|for|the|a|is|are|repo(?:sitory)?|project)\b|[&+/,:-]|已?配置(?:文件)?|集成|已完成/gi;
/** A parenthesis that only states the work's status: "(optional)", "(待实现)" (to be done). */
const STATUS = /^\(\s*(?:optional|todo|planned|wip|later|[\u3400-\u9fff]+)\s*\)$/i;
const OUTCOME = /\b(?:\d+\s+(?:offen[cs]es?|warnings?|errors?|issues?)|pass(?:es|ing|ed)?|clean|green)\b/i;

function devToolClaims(item: ChecklistItem): DevToolClaim[] {
  if (item.signOff) return [];
  const text = item.text
    .replace(/[*_`]/g, ' ')
    .replace(/\p{Extended_Pictographic}|\ufe0f/gu, ' ')
    .trim();
  const named = DEV_TOOLS.filter((tool) => tool.mention.test(text));
  if (!named.length) return [];
  let rest = text;
  for (const tool of named)
    rest = rest.replace(new RegExp(tool.mention.source, `${tool.mention.flags}g`), ' ');
  const parentheses = rest.match(/\([^()]*\)/g) ?? [];
  rest = rest.replace(/\([^()]*\)/g, ' ');
  // Anything left besides set-up words is another claim about the tool (its rules, its results).
  if (rest.replace(SET_UP_WORDS, ' ').trim()) return [];
  const qualifying = parentheses.filter((part) => !STATUS.test(part));
  return named.map((tool) => ({
    tool,
    outcome: OUTCOME.test(text),
    qualified: qualifying.length > 0,
  }));
}

export const repoDevToolConfigured: Rule<DevToolClaim> = {
  id: 'repo.dev-tool-configured',
  title: 'A named development tool (linter, formatter, git hooks, Codecov...) is configured',
  why: 'A checklist that credits the project with a linter, formatter or hook it does not configure gives reviewers confidence nothing enforces.',
  fix: "Commit the tool's configuration (.golangci.yml, eslint.config.js, .pre-commit-config.yaml, .rubocop.yml ...) or correct the checklist.",
  recognises:
    'Items that name a catalogued tool and only say it is set up ("ESLint configured", "Pre-commit hooks", ' +
    '"golangci-lint configuration", "Codecov integration"); not items about its results or what it enforces.',
  needs: [devToolsCollector],
  match: devToolClaims,
  evaluate(claim, ctx) {
    const evidence = ctx.get(devToolsCollector);
    const { tool } = claim;
    const counts = (path: string) =>
      !isNonProductionPath(path) || (ctx.scope !== '' && inScope(path, ctx.scope));
    const files = (evidence.configFiles.get(tool.id) ?? []).filter(counts);
    const sections = (evidence.sections.get(tool.id) ?? []).filter((place) => counts(place.path));
    const mentions = (evidence.mentions.get(tool.id) ?? []).filter((place) => counts(place.path));
    const ciSteps = tool.configuredByCi ? mentions.filter((place) => place.ci) : [];

    const configured: EvidenceRef[] = [
      ...preferScope(files, ctx.scope).map((path) => ({ path })),
      ...preferScope(sections, ctx.scope).map(({ path, line }) => ({ path, line })),
      ...preferScope(ciSteps, ctx.scope).map(({ path, line }) => ({ path, line })),
    ];
    const first = configured[0];
    if (first) {
      const found = `${tool.name}: configured at ${first.path}${first.line ? `:${first.line}` : ''}${configured.length > 1 ? ` (and ${configured.length - 1} more)` : ''}`;
      if (claim.outcome) return unknown(`${found}; its results are known only from a run`, configured);
      if (claim.qualified)
        return unknown(`${found}; what the item adds about it needs a reviewer`, configured);
      return { verdict: 'pass', message: found, evidence: configured.slice(0, 3) };
    }
    const named = [
      ...mentions,
      ...(evidence.comments.get(tool.id) ?? []),
      ...(evidence.mentions.get(tool.id) ?? []),
      ...(evidence.configFiles.get(tool.id) ?? []).map((path) => ({ path, line: 0 })),
    ];
    const seen = named[0];
    if (seen) {
      const at = seen.line ? `${seen.path}:${seen.line}` : seen.path;
      return unknown(
        `no ${tool.name} configuration in the project's own files, but it is named at ${at}; it may run with its defaults`,
        [{ path: seen.path, ...(seen.line ? { line: seen.line } : {}) }],
      );
    }
    if (!evidence.scanned)
      return unknown(`no manifests, CI files or build scripts to look for ${tool.name} in`, []);
    return {
      verdict: 'fail',
      message: `no ${tool.name} configuration (looked for ${tool.shown}), and none of the ${evidence.scanned} manifests, CI files, Makefiles, hooks and scripts names it`,
      evidence: [{ path: ctx.scope || '.' }],
    };
  },
  examples: {
    match: [
      'ESLint configured',
      'Pre-commit hooks',
      'golangci-lint configuration',
      'Codecov integration',
      'Set up Prettier and ESLint',
      'RuboCop configuration (0 offenses)',
      '✅ Husky git hooks',
    ],
    noMatch: [
      'ESLint errors fixed across the codebase',
      'Prettier formats every commit in CI before the release branch is cut',
      'Secrets scanning in pre-commit hooks with gitleaks',
      'Linting in CI',
      'Code coverage above 80% on Codecov',
      'Team trained on RuboCop style rules',
    ],
    verdicts: [
      {
        files: {
          '.golangci.yml': 'linters:\n  enable:\n    - govet\n',
          'go.mod': 'module example.com/shop\n',
        },
        item: 'golangci-lint configuration',
        verdict: 'pass',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test -coverprofile=c.out ./...\n      - uses: codecov/codecov-action@v4\n',
        },
        item: 'Codecov integration',
        verdict: 'pass',
      },
      {
        // A linter run from CI with no configuration of its own: it may run with its defaults.
        files: {
          '.github/workflows/ci.yml':
            'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: golangci/golangci-lint-action@v6\n',
        },
        item: 'golangci-lint configuration',
        verdict: 'unknown',
      },
      {
        // Another hook mechanism than the one named does not count: Husky is not Ruff.
        files: {
          'package.json': '{ "devDependencies": { "husky": "^9.0.0" } }\n',
          '.husky/pre-commit': 'npx lint-staged\n',
          'pyproject.toml': '[project]\nname = "shop"\n',
        },
        item: 'Ruff configured',
        verdict: 'fail',
      },
      {
        files: {
          'package.json': '{ "devDependencies": { "husky": "^9.0.0" } }\n',
          '.husky/pre-commit': 'npx lint-staged\n',
        },
        item: 'Pre-commit hooks',
        verdict: 'pass',
      },
    ],
  },
};

/** The entries in the checklist's folder first. */
function preferScope<T extends string | { path: string }>(entries: readonly T[], scope: string): T[] {
  const path = (entry: T) => (typeof entry === 'string' ? entry : entry.path);
  return [
    ...entries.filter((entry) => inScope(path(entry), scope)),
    ...entries.filter((entry) => !inScope(path(entry), scope)),
  ];
}

function unknown(message: string, evidence: EvidenceRef[]): Finding {
  return { verdict: 'unknown', message, evidence: evidence.slice(0, 3) };
}
