import { type PackageManifest, packageScriptsCollector } from '../../collectors/package-scripts.js';
import { candidatePaths } from '../../evidence.js';
import { type CommandRef, extractCommands } from '../../extract/commands.js';
import type { Rule } from '../../rule.js';
import type { Finding } from '../../types.js';

const PACKAGE_RUNNERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);

export const refNpmScript: Rule<CommandRef> = {
  id: 'ref.npm-script',
  title: 'Package scripts the item names exist',
  why: 'A checklist step such as `npm run deploy:check` that no longer exists fails the person following it at the worst moment.',
  fix: 'Add the script to the "scripts" of package.json, or correct the command in the checklist.',
  recognises:
    '`npm run x`, `npm test`/`npm start`, `yarn x`, `yarn run x`, `pnpm x`, `pnpm run x`, `bun run x` in code spans or prose; ' +
    'package-manager commands such as `npm install` or `yarn add` are not scripts.',
  needs: [packageScriptsCollector],
  match: (item) => extractCommands(item).filter((command) => PACKAGE_RUNNERS.has(command.runner)),
  evaluate(command, ctx) {
    const { manifests } = ctx.get(packageScriptsCollector);
    const dirs = candidatePaths('', ctx.scope).map((dir) => dir.replace(/\/$/, ''));
    const manifest = [...new Set(dirs)].map((dir) => manifests.find((m) => m.dir === dir)).find(Boolean);
    if (!manifest) return noManifest(command, dirs, manifests);
    if (manifest.problem) {
      return {
        verdict: 'unknown',
        message: `${manifest.path} could not be read: ${manifest.problem}`,
        evidence: [{ path: manifest.path }],
      };
    }
    const script = manifest.scripts.find((s) => s.name === command.name);
    if (script) {
      return {
        verdict: 'pass',
        message: `script "${command.name}" is defined in ${manifest.path}`,
        evidence: [
          {
            path: manifest.path,
            line: script.line,
            excerpt: `"${script.name}": "${script.command}"`.slice(0, 160),
          },
        ],
      };
    }
    if (command.name === 'start' && ctx.has(manifest.dir ? `${manifest.dir}/server.js` : 'server.js')) {
      return {
        verdict: 'pass',
        message: `npm start runs server.js (no "start" script in ${manifest.path})`,
        evidence: [{ path: manifest.path }],
      };
    }
    const elsewhere = manifests.find((m) => m !== manifest && m.scripts.some((s) => s.name === command.name));
    if (elsewhere || (command.runner !== 'npm' && !command.written.includes(' run'))) {
      const reason = elsewhere
        ? `but ${elsewhere.path} defines it (a workspace command may run it there)`
        : `and \`${command.written}\` may run a dependency's binary instead of a script`;
      return {
        verdict: 'unknown',
        message: `no script "${command.name}" in ${manifest.path}, ${reason}`,
        evidence: [{ path: manifest.path }],
      };
    }
    const names = manifest.scripts.map((s) => s.name);
    const listed = names.length
      ? `scripts: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`
      : 'no scripts at all';
    return {
      verdict: 'fail',
      message: `\`${command.written}\` has no script "${command.name}" in ${manifest.path} (${listed})`,
      evidence: [{ path: manifest.path, line: manifest.scripts[0]?.line ?? 1 }],
    };
  },
  examples: {
    match: [
      'Run `npm run deploy:check` - verify dependencies',
      'Production build passes: `npm run build`',
      'All tests pass (`npm test`)',
      'Lint clean with `yarn lint`',
      'Type check passes: `pnpm run typecheck`',
      'Migrations run with `bun run db:migrate`',
    ],
    noMatch: [
      'Dependencies installed with `npm ci`',
      'Run `npm audit` and fix high vulnerabilities',
      'Add `yarn add helmet`',
      'Docker image built successfully: `make docker.build`',
      'Node environment set to `production`',
      'Tests run with `bun test`',
    ],
    verdicts: [
      {
        files: { 'package.json': '{ "scripts": { "build": "tsc -p ." } }\n' },
        item: 'Production build passes: `npm run build`',
        verdict: 'pass',
      },
      {
        files: { 'package.json': '{ "scripts": { "test": "vitest" } }\n' },
        item: 'Production build passes: `npm run build`',
        verdict: 'fail',
      },
    ],
  },
};

function noManifest(command: CommandRef, dirs: string[], manifests: PackageManifest[]): Finding {
  const looked = dirs.map((dir) => (dir ? `${dir}/package.json` : 'package.json'));
  if (manifests.length) {
    return {
      verdict: 'unknown',
      message: `no ${looked.join(' or ')}; ${manifests.length} package.json elsewhere (e.g. ${manifests[0]?.path}) may hold "${command.name}"`,
      evidence: looked.map((path) => ({ path })),
    };
  }
  return {
    verdict: 'fail',
    message: `\`${command.written}\` needs a package.json, and the repository has none (looked for ${looked.join(', ')})`,
    evidence: looked.map((path) => ({ path })),
  };
}
