import { describe, expect, it } from 'vitest';
import { composeVolumes } from '../../../../src/core/rules/compose/compose-volumes.js';
import { judgeOne } from '../../../support/rule-harness.js';
import { judgeLast } from '../docker/in-context.js';

const SEED_STYLE = `# Deploy

#### Container Runtime
- [ ] Volume mounts configured for persistence:
  - [ ] \`./priv:/app/priv\` - For persistent data
`;

describe('compose.volumes', () => {
  it('checks the exact mount a nested item names', async () => {
    const compose =
      'services:\n  notifier:\n    image: acme/notifier:2\n    volumes:\n      - ./priv:/app/priv\n';
    const [finding] = await judgeLast(composeVolumes, { 'docker-compose.yml': compose }, SEED_STYLE);
    expect(finding).toEqual({
      verdict: 'pass',
      message: 'service notifier mounts ./priv at /app/priv (docker-compose.yml:5)',
      evidence: [{ path: 'docker-compose.yml', line: 5, excerpt: '- ./priv:/app/priv' }],
    });
    const other =
      'services:\n  notifier:\n    image: acme/notifier:2\n    volumes:\n      - data:/app/priv\n';
    const [missing] = await judgeLast(composeVolumes, { 'docker-compose.yml': other }, SEED_STYLE);
    expect(missing?.verdict).toBe('fail');
    expect(missing?.message).toBe(
      'no service in docker-compose.yml mounts ./priv:/app/priv; notifier mounts data there (docker-compose.yml:5)',
    );
  });

  it('fails when a database keeps its data in the container', async () => {
    const compose =
      'services:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - /var/lib/postgresql/data\n';
    const finding = await judgeOne(
      composeVolumes,
      { 'compose.yaml': compose },
      'Docker volumes for persistent data',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.message).toBe(
      '1 data service(s) in compose.yaml keep data without a named or bind volume: db (postgres:16-alpine, compose.yaml:2)',
    );
  });

  it('asks for named volumes when the item does', async () => {
    const compose = 'services:\n  db:\n    image: mysql:8\n    volumes:\n      - ./mysql:/var/lib/mysql\n';
    const item = 'Database data stored in named volumes (`docker-compose.yml`)';
    expect((await judgeOne(composeVolumes, { 'docker-compose.yml': compose }, item)).verdict).toBe('fail');
    const named =
      'services:\n  db:\n    image: mysql:8\n    volumes:\n      - mysql:/var/lib/mysql\nvolumes:\n  mysql: {}\n';
    expect((await judgeOne(composeVolumes, { 'docker-compose.yml': named }, item)).verdict).toBe('pass');
  });

  it('is unknown without a Compose file', async () => {
    const finding = await judgeOne(
      composeVolumes,
      { Dockerfile: 'FROM a:1\n' },
      'Docker volumes for persistent data',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
