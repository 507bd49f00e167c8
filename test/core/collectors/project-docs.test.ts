import { describe, expect, it } from 'vitest';
import { projectDocsCollector } from '../../../src/core/collectors/project-docs.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

describe('project-docs collector', () => {
  it('finds documents by path and content', async () => {
    const docs = await collectEvidence(
      projectDocsCollector,
      await createRepoView(
        new MemoryRepo({
          'docs/runbooks/payments.md': '# Payments\n',
          'docs/api.yaml': 'openapi: 3.1.0\ninfo: {}\n',
          'docs/config.yaml': 'key: value\n',
          'CHANGELOG.md': '# Changelog\n',
          'SECURITY.md': 'Report issues to security@example.com\n',
          LICENSE: 'MIT\n',
          'services/api/yarn.lock': '# yarn\n',
          'requirements.txt': '-r base.txt\nfastapi==0.115.0\nuvicorn\n',
          'node_modules/x/CHANGELOG.md': '# no\n',
        }),
      ),
      DEFAULT_CONFIG,
    );
    expect(docs.runbooks).toEqual([{ path: 'docs/runbooks/payments.md' }]);
    expect(docs.openapiSpecs).toEqual([{ path: 'docs/api.yaml' }]);
    expect(docs.changelogs).toEqual([{ path: 'CHANGELOG.md' }]);
    expect(docs.securityPolicies).toEqual([{ path: 'SECURITY.md', explainsReporting: true }]);
    expect(docs.licenses).toEqual([{ path: 'LICENSE' }]);
    expect(docs.lockfiles).toEqual(['services/api/yarn.lock']);
    expect(docs.requirements).toEqual([
      { path: 'requirements.txt', total: 2, unpinned: 1, firstUnpinned: { line: 3, excerpt: 'uvicorn' } },
    ]);
  });

  it('finds documents and headings by topic, not in checklists or code blocks', async () => {
    const docs = await collectEvidence(
      projectDocsCollector,
      await createRepoView(
        new MemoryRepo({
          'ARCHITECTURE.md': '# System\n',
          'README.md': '# Shop\n\n```md\n## Rollback\n```\n\n## Deploying to Render\n\n### Rollback\n',
          'PRODUCTION_READINESS.md': '## Disaster recovery\n- [ ] DR plan\n',
        }),
      ),
      DEFAULT_CONFIG,
    );
    expect(docs.topicDocs).toEqual([
      { path: 'ARCHITECTURE.md', topic: 'architecture' },
      { path: 'README.md', topic: 'deployment', line: 7, excerpt: '## Deploying to Render' },
      { path: 'README.md', topic: 'rollback', line: 9, excerpt: '### Rollback' },
    ]);
  });
});
