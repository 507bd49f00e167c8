import { repoMetaCollector } from '../../collectors/repo-meta.js';
import { claimText, type Rule } from '../../rule.js';
import type { EvidenceRef } from '../../types.js';
import { ONE_OFF } from '../ci/ci-evidence.js';

interface Params {
  /** Bot the item names; undefined when any will do. */
  bot?: 'Dependabot' | 'Renovate';
  /** Dependabot security updates can be switched on in settings without a config file. */
  securityUpdatesOnly: boolean;
}

const DEPENDENCY_UPDATES =
  /\b(automated|automatic|auto)[- ]?(dependency|dependencies|package|library) updates?\b|\bdependency (update|upgrade)s? (bot|automat\w*)\b|\bdependency updates? (are |is )?automated\b/i;
/** Dependabot alerts are a repository setting, not an update bot. */
const ALERTS = /\balerts?\b/i;

export const depsUpdateBot: Rule<Params> = {
  id: 'deps.update-bot',
  title: 'A bot keeps dependencies up to date',
  why: 'Dependencies go stale and collect known vulnerabilities; a bot opens the upgrade pull requests before anyone has to remember.',
  fix: 'Add .github/dependabot.yml with an `updates` entry per ecosystem (npm, docker, github-actions...), or a renovate.json extending `config:recommended`.',
  recognises:
    'Items naming Dependabot or Renovate, or about automated dependency updates; not Dependabot alerts (a repository setting) or one-off upgrades.',
  needs: [repoMetaCollector],
  match(item) {
    const text = claimText(item);
    if (ALERTS.test(text) || ONE_OFF.test(text)) return [];
    const securityUpdatesOnly = /\bsecurity updates?\b/i.test(text) && !/\bversion updates?\b/i.test(text);
    if (/\bdependabot\b/i.test(text)) return [{ bot: 'Dependabot', securityUpdatesOnly }];
    if (/\brenovate(bot)?\b/i.test(text)) return [{ bot: 'Renovate', securityUpdatesOnly: false }];
    return DEPENDENCY_UPDATES.test(text) ? [{ securityUpdatesOnly: false }] : [];
  },
  evaluate({ bot, securityUpdatesOnly }, ctx) {
    const meta = ctx.get(repoMetaCollector);
    const dependabot = meta.dependabot?.updates.length ? meta.dependabot : undefined;
    const renovate = meta.renovate.find((config) => config.enabled);
    const found: { name: 'Dependabot' | 'Renovate'; ref: EvidenceRef; detail: string }[] = [];
    if (dependabot) {
      const covering = dependabot.updates.filter((update) =>
        update.directories.some((dir) => coversScope(dir, ctx.scope)),
      );
      if (ctx.scope && !covering.length) {
        return {
          verdict: 'unknown',
          message: `${dependabot.path} updates ${dependabot.updates.flatMap((u) => u.directories).join(', ')} but no entry names /${ctx.scope}; a workspace root may still cover it`,
          evidence: [{ path: dependabot.path, line: dependabot.updates[0]?.line }],
        };
      }
      const entries = covering.length ? covering : dependabot.updates;
      found.push({
        name: 'Dependabot',
        ref: {
          path: dependabot.path,
          line: entries[0]?.line,
          excerpt: `package-ecosystem: ${entries[0]?.ecosystem}`,
        },
        detail: `${dependabot.path} updates ${entries.map((u) => u.ecosystem).join(', ')}`,
      });
    }
    if (renovate) {
      found.push({
        name: 'Renovate',
        ref: { path: renovate.path, line: renovate.line },
        detail: `Renovate is configured in ${renovate.path}`,
      });
    }
    const named = bot ? found.find((entry) => entry.name === bot) : found[0];
    if (named) return { verdict: 'pass', message: named.detail, evidence: [named.ref] };
    const substitute = found[0];
    if (substitute) {
      return {
        verdict: 'pass',
        message: `${substitute.detail} (the item names ${bot}; ${substitute.name} automates the same updates)`,
        evidence: [substitute.ref],
      };
    }
    const broken = meta.unparsable.find((file) => file.path.includes('dependabot'));
    if (broken) {
      return {
        verdict: 'unknown',
        message: `${broken.path} could not be parsed (${broken.error}); Dependabot will not run it either`,
        evidence: [{ path: broken.path }],
      };
    }
    if (securityUpdatesOnly) {
      return {
        verdict: 'unknown',
        message:
          'no .github/dependabot.yml; Dependabot security updates can be enabled in repository settings, which the repository cannot show',
        evidence: [{ path: '.github/dependabot.yml' }],
      };
    }
    const disabled = meta.renovate[0];
    if (meta.dependabot || disabled) {
      const path = meta.dependabot?.path ?? disabled?.path ?? '';
      return {
        verdict: 'fail',
        message: meta.dependabot
          ? `${path} has no \`updates\` entries, so Dependabot opens no update pull requests`
          : `Renovate is switched off in ${path} ("enabled": false)`,
        evidence: [{ path }],
      };
    }
    return {
      verdict: 'fail',
      message:
        'no dependency update bot: no .github/dependabot.yml and no Renovate config (renovate.json, .github/renovate.json, .renovaterc, package.json "renovate")',
      evidence: [{ path: '.github/dependabot.yml' }, { path: 'renovate.json' }],
    };
  },
  examples: {
    match: [
      'Automated dependency updates (Dependabot)',
      'Dependabot configured for npm and Docker',
      'Renovate bot keeps dependencies current',
      '**Dependency Management** - automated dependency updates',
    ],
    noMatch: [
      'Regular security updates applied',
      'Dependabot alerts enabled',
      'Dependencies up to date',
      'Testing process for updates',
      'All dependencies upgraded to latest',
    ],
    verdicts: [
      {
        files: {
          '.github/dependabot.yml':
            'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n',
        },
        item: 'Automated dependency updates (Dependabot)',
        verdict: 'pass',
      },
      {
        files: { 'package.json': '{ "name": "api" }\n' },
        item: 'Automated dependency updates (Dependabot)',
        verdict: 'fail',
      },
    ],
  },
};

/** Dependabot reads manifests only in the directory an entry names (or matches with a glob). */
function coversScope(directory: string, scope: string): boolean {
  const dir = directory.replace(/^\/+/, '').replace(/\/+$/, '');
  if (dir === scope) return true;
  if (!/[*?]/.test(dir)) return false;
  const pattern = new RegExp(
    `^${dir
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*\*/g, '.*')
      .replace(/\*/g, '[^/]*')}$`,
  );
  return pattern.test(scope);
}
