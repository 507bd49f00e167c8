import { secretScanCollector } from '../../collectors/secret-scan.js';
import { inScope } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import { isEnvFile } from '../../secrets/env-files.js';
import { pathContext } from '../../secrets/scanner.js';

export interface EnvFileClaim {
  /** The env file the item names (`.env.production`); `.env` stands for every env file. */
  name: string;
  /** The item says the file is listed in .gitignore. */
  ignored: boolean;
}

const ENV_NAME = /(?:^|[\s`'"(/])(\.env(?:\.[A-Za-z0-9_-]+)*)(?=$|[\s`'"),;:.])/g;
const NOT_COMMITTED =
  /\bnot\s+(?:be\s+)?(?:committed|checked\s+in|tracked|pushed|in\s+(?:git|the\s+repo(?:sitory)?|version\s+control|source\s+control))|\bnever\s+committed|\bgit-?ignored|\bignored\s+by\s+git|\bin\s+\.?gitignore|\bexcluded\s+from\s+(?:git|version\s+control|the\s+repo)|\buntracked|\bno\s+(?:\w+\s+){0,2}\.env\b[^.;]{0,30}\bcommitted/i;
const MENTIONS_GITIGNORE = /gitignore|ignored\s+by\s+git/i;

const MAX_EVIDENCE = 10;

export const secretsNoEnvFile: Rule<EnvFileClaim> = {
  id: 'secrets.no-env-file',
  title: '.env files with real values are not committed',
  why: 'A committed .env file ships every value in it (database URLs, API keys) to everyone who can read the repository and its history.',
  fix: 'Untrack the file (`git rm --cached .env`), add `.env` to .gitignore, rotate the values it held, and commit a `.env.example` with placeholders instead.',
  recognises:
    'Items that name a .env file and say it is not committed, git-ignored or in .gitignore (".env not committed", "`.env` in .gitignore"); templates (.env.example) and items about creating or configuring a .env file are left alone.',
  needs: [secretScanCollector],
  match(item) {
    const text = item.text;
    if (!NOT_COMMITTED.test(text)) return [];
    const names = [...text.matchAll(ENV_NAME)]
      .map((match) => match[1] as string)
      .filter((name) => isEnvFile(name));
    const name = names[0];
    return name ? [{ name, ignored: MENTIONS_GITIGNORE.test(text) }] : [];
  },
  evaluate(claim, ctx) {
    const scan = ctx.get(secretScanCollector);
    const named = (path: string) =>
      claim.name === '.env' || path.slice(path.lastIndexOf('/') + 1) === claim.name;
    const tracked = scan.envFiles.filter(
      (file) => inScope(file.path, ctx.scope) && named(file.path) && pathContext(file.path) === 'code',
    );
    const valued = tracked.filter((file) => file.valued.length > 0);
    if (valued.length) {
      const first = valued[0] as (typeof valued)[number];
      const values = valued.reduce((sum, file) => sum + file.valued.length, 0);
      const files = valued.map((file) => file.path).join(', ');
      return {
        verdict: 'fail',
        message: `${files} ${valued.length === 1 ? 'is' : 'are'} committed with ${values} value${values === 1 ? '' : 's'} (first: ${first.valued[0]?.key} at ${first.path}:${first.valued[0]?.line})`,
        evidence: valued
          .flatMap((file) =>
            file.valued.map((entry) => ({ path: file.path, line: entry.line, excerpt: `${entry.key}=…` })),
          )
          .slice(0, MAX_EVIDENCE),
      };
    }
    if (tracked.length) {
      return {
        verdict: 'unknown',
        message: `${tracked.map((file) => file.path).join(', ')} is tracked but holds only empty or placeholder values; rename it to .env.example or untrack it`,
        evidence: tracked.slice(0, MAX_EVIDENCE).map((file) => ({ path: file.path })),
      };
    }
    const looked = claim.name === '.env' ? '.env-style file' : claim.name;
    if (claim.ignored) {
      const gitignores = relevantGitignores(ctx.scope);
      const ignoring = scan.envIgnoredBy.filter((path) => gitignores.includes(path));
      if (!ignoring.length) {
        return {
          verdict: 'fail',
          message: `no ${looked} is tracked, but no .gitignore ignores .env (looked in ${gitignores.join(', ')})`,
          evidence: gitignores.map((path) => ({ path })),
        };
      }
      return {
        verdict: 'pass',
        message: `no ${looked} is tracked among ${scan.filesScanned} text files, and ${ignoring.join(', ')} ignores .env`,
        evidence: ignoring.map((path) => ({ path })),
      };
    }
    return {
      verdict: 'pass',
      message: `no ${looked} is tracked${ctx.scope ? ` under ${ctx.scope}/` : ''} (looked at ${ctx.files.length} tracked files)`,
      evidence: [],
    };
  },
  examples: {
    match: [
      '.env not committed to git',
      '`.env` file in .gitignore',
      'Environment files (`.env`, `.env.local`) are git-ignored',
      'No .env files committed',
      '`.env.production` is never committed',
    ],
    noMatch: [
      '`.env.production` file created',
      'Environment variables file (`.env`) properly configured',
      'Copy `.env.production.example` to `.env.production`',
      '`.env.example` committed with all variables',
      'Configure all environment variables (see `.env.docker.example`)',
    ],
    verdicts: [
      {
        files: { '.gitignore': 'node_modules/\n.env\n' },
        item: '`.env` file in .gitignore',
        verdict: 'pass',
      },
      {
        files: { '.gitignore': 'node_modules/\n', '.env': 'PORT=3000\n' },
        item: '`.env` file in .gitignore',
        verdict: 'fail',
      },
    ],
  },
};

/** The root .gitignore and those on the way down to the checklist's folder: the ones that govern its .env. */
function relevantGitignores(scope: string): string[] {
  const paths = ['.gitignore'];
  if (!scope) return paths;
  const parts = scope.split('/');
  for (let depth = 1; depth <= parts.length; depth++)
    paths.push(`${parts.slice(0, depth).join('/')}/.gitignore`);
  return paths;
}
