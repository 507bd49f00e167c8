import { codeSignalsCollector, type Ecosystem } from '../../collectors/code-signals.js';
import { projectDocsCollector } from '../../collectors/project-docs.js';
import { inScope } from '../../evidence.js';
import { folderOf } from '../../formats/paths.js';
import type { Rule } from '../../rule.js';
import type { EvidenceRef } from '../../types.js';
import { matchClaim, namesFileOrCommand, type SignalClaim } from './signals-evidence.js';

const LOCKFILE =
  /\block ?files?\b|\b(?:package-lock|yarn\.lock|pnpm-lock|poetry\.lock|Pipfile\.lock|go\.sum|mix\.lock|Cargo\.lock|Gemfile\.lock)\b|\bdependenc(?:y|ies)(?: versions)? (?:are )?(?:locked|pinned)\b|\b(?:locked|pinned) dependenc(?:y|ies)\b/i;
const LOCKS: Partial<Record<Ecosystem, string[]>> = {
  npm: ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'],
  pypi: ['poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock'],
  go: ['go.sum'],
  hex: ['mix.lock'],
  cargo: ['Cargo.lock'],
};

/** A lockfile in the manifest's folder or above it (workspaces keep one lock at the root). */
function lockFor(
  manifest: string,
  names: readonly string[],
  has: (path: string) => boolean,
): string | undefined {
  let folder = folderOf(manifest);
  for (;;) {
    for (const name of names) {
      const candidate = folder ? `${folder}/${name}` : name;
      if (has(candidate)) return candidate;
    }
    if (!folder) return undefined;
    folder = folderOf(folder);
  }
}

export const signalsLockfile: Rule<SignalClaim> = {
  id: 'signals.lockfile',
  title: 'Every dependency manifest has a committed lockfile',
  why: 'Without a lockfile each install resolves different versions, so the build that was tested is not the build that ships.',
  fix: 'Commit the lockfile your package manager writes (package-lock.json, poetry.lock, go.sum, mix.lock, Cargo.lock), or pin requirements with `==`.',
  recognises:
    '"lockfile(s)", a lockfile by name, or "dependencies locked/pinned"; items naming the lockfile path are left to ref.path-exists.',
  needs: [codeSignalsCollector, projectDocsCollector],
  match: (item) => (namesFileOrCommand(item) ? [] : matchClaim(item, LOCKFILE)),
  evaluate(_claim, ctx) {
    const manifests = ctx
      .get(codeSignalsCollector)
      .manifests.filter((manifest) => LOCKS[manifest.ecosystem] && inScope(manifest.path, ctx.scope))
      .filter((manifest) => !/(^|\/)setup\.(?:py|cfg)$/.test(manifest.path));
    if (!manifests.length) {
      return {
        verdict: 'unknown',
        message: `no npm, Python, Go, Mix or Cargo manifest${ctx.scope ? ` in ${ctx.scope}/` : ''} to hold a lockfile for`,
        evidence: [],
      };
    }
    const requirements = ctx.get(projectDocsCollector).requirements;
    const locked: string[] = [];
    const missing: EvidenceRef[] = [];
    for (const manifest of manifests) {
      const pins = requirements.find((file) => file.path === manifest.path);
      if (pins) {
        if (pins.unpinned === 0) locked.push(`${manifest.path} (all ${pins.total} pinned with ==)`);
        else
          missing.push({
            path: manifest.path,
            line: pins.firstUnpinned?.line,
            excerpt: `${pins.unpinned} of ${pins.total} requirements not pinned with ==`,
          } as EvidenceRef);
        continue;
      }
      const lock = lockFor(manifest.path, LOCKS[manifest.ecosystem] ?? [], ctx.has);
      if (lock) locked.push(lock);
      else
        missing.push({
          path: manifest.path,
          excerpt: `no ${(LOCKS[manifest.ecosystem] ?? []).slice(0, 3).join('/')} next to or above it`,
        });
    }
    if (missing.length) {
      return {
        verdict: 'fail',
        message: `${missing.length} of ${manifests.length} manifests have no lockfile: ${missing.map((m) => m.path).join(', ')}`,
        evidence: missing.slice(0, 5),
      };
    }
    return {
      verdict: 'pass',
      message: `all ${manifests.length} manifests are locked: ${locked.slice(0, 4).join(', ')}${locked.length > 4 ? ', …' : ''}`,
      evidence: locked.slice(0, 4).map((path) => ({ path: path.split(' ')[0] as string })),
    };
  },
  examples: {
    match: [
      'Lockfile committed',
      'Dependencies pinned with lock files',
      'Lock files committed for every service',
      'Dependency versions locked',
    ],
    noMatch: ['`package-lock.json` committed', 'Base images pinned', 'Account lockout after failed logins'],
    verdicts: [
      {
        files: {
          'package.json': '{ "name": "api", "dependencies": { "express": "^4.19.2" } }\n',
          'package-lock.json': '{ "name": "api", "lockfileVersion": 3, "packages": {} }\n',
        },
        item: 'Lockfile committed',
        verdict: 'pass',
      },
      {
        files: { 'package.json': '{ "name": "api", "dependencies": { "express": "^4.19.2" } }\n' },
        item: 'Lockfile committed',
        verdict: 'fail',
      },
    ],
  },
};
