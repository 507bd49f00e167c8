import { describe, expect, it } from 'vitest';
import { repoMetaCollector } from '../../../src/core/collectors/repo-meta.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

async function collect(files: Record<string, string>) {
  return collectEvidence(repoMetaCollector, await createRepoView(new MemoryRepo(files)), DEFAULT_CONFIG);
}

describe('repo-meta collector', () => {
  it('reads Dependabot update entries with their lines', async () => {
    const evidence = await collect({
      '.github/dependabot.yml': `version: 2
updates:
  - package-ecosystem: npm
    directory: /
    schedule: { interval: weekly }
  - package-ecosystem: docker
    directories: ['/services/*']
    schedule: { interval: weekly }
`,
    });
    expect(evidence.dependabot).toEqual({
      path: '.github/dependabot.yml',
      updates: [
        { ecosystem: 'npm', directories: ['/'], line: 3 },
        { ecosystem: 'docker', directories: ['/services/*'], line: 6 },
      ],
    });
  });

  it('records an unparsable dependabot.yml instead of throwing', async () => {
    const evidence = await collect({ '.github/dependabot.yml': 'updates: [\n' });
    expect(evidence.dependabot).toBeUndefined();
    expect(evidence.unparsable[0]?.path).toBe('.github/dependabot.yml');
  });

  it('finds Renovate configs and notices a global off switch only', async () => {
    const evidence = await collect({
      'renovate.json':
        '{ "extends": ["config:recommended"], "packageRules": [{ "matchPackageNames": ["x"], "enabled": false }] }',
      '.github/renovate.json5': '{\n  // paused\n  enabled: false,\n}\n',
      'package.json': '{\n  "name": "x",\n  "renovate": { "extends": ["config:base"] }\n}\n',
    });
    expect(evidence.renovate).toEqual([
      { path: 'renovate.json', enabled: true, line: 1 },
      { path: '.github/renovate.json5', enabled: false, line: 1 },
      { path: 'package.json', enabled: true, line: 3 },
    ]);
  });

  it('parses CODEOWNERS in GitHub lookup order, skipping comments', async () => {
    const evidence = await collect({
      CODEOWNERS: '* @root\n',
      '.github/CODEOWNERS':
        '# Owners\n\n*       @org/platform\n/services/api/ @org/api # API team\n/docs/\\#notes @a\n',
    });
    expect(evidence.codeowners.map((file) => file.path)).toEqual(['.github/CODEOWNERS', 'CODEOWNERS']);
    expect(evidence.codeowners[0]?.rules).toEqual([
      { pattern: '*', owners: ['@org/platform'], line: 3 },
      { pattern: '/services/api/', owners: ['@org/api'], line: 4 },
      { pattern: '/docs/#notes', owners: ['@a'], line: 5 },
    ]);
  });

  it('reads pre-commit hooks, git hooks and secret scanner configs', async () => {
    const evidence = await collect({
      '.pre-commit-config.yaml': `repos:
  - repo: https://github.com/gitleaks/gitleaks
    rev: v8.18.0
    hooks:
      - id: gitleaks
  - repo: local
    hooks:
      - id: lint
        entry: npm run lint
`,
      '.husky/pre-commit': 'npx secretlint "**/*"\n',
      '.husky/_/husky.sh': '# generated\n',
      '.gitleaks.toml': '[allowlist]\n',
      '.secretlintrc.json': '{}',
    });
    expect(evidence.preCommit?.hooks).toEqual([
      { repo: 'https://github.com/gitleaks/gitleaks', id: 'gitleaks', line: 5 },
      { repo: 'local', id: 'lint', line: 8 },
    ]);
    expect(evidence.gitHooks.map((hook) => hook.path)).toEqual(['.husky/pre-commit']);
    expect(evidence.secretScannerConfigs).toEqual(['.gitleaks.toml', '.secretlintrc.json']);
  });

  it('returns empty evidence for a repository without any of these files', async () => {
    const evidence = await collect({ 'README.md': '# x' });
    expect(evidence).toEqual({
      renovate: [],
      codeowners: [],
      gitHooks: [],
      secretScannerConfigs: [],
      unparsable: [],
    });
  });
});
