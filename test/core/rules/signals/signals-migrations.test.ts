import { describe, expect, it } from 'vitest';
import { signalsMigrations } from '../../../../src/core/rules/signals/signals-migrations.js';
import { judgeOne } from '../../../support/rule-harness.js';

const ALEMBIC = 'from alembic import op\n\n\ndef upgrade():\n    op.create_table("items")\n';

describe('signals.migrations', () => {
  it('passes on committed Alembic versions', async () => {
    const finding = await judgeOne(
      signalsMigrations,
      { 'requirements.txt': 'alembic==1.13.2\n', 'migrations/versions/0001_create_items.py': ALEMBIC },
      'Database migrations with Alembic',
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.message).toBe('Alembic migrations in migrations/versions (0001_create_items.py)');
  });

  it('counts Ecto migrations per folder', async () => {
    const finding = await judgeOne(
      signalsMigrations,
      {
        'priv/repo/migrations/20240101000000_create_a.exs': 'defmodule A do\nend\n',
        'priv/repo/migrations/20240102000000_create_b.exs': 'defmodule B do\nend\n',
      },
      'Database migrations',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'priv/repo/migrations' }] });
    expect(finding.message).toContain('2 files');
  });

  it('is unknown when Prisma is declared but no migrations are committed', async () => {
    const finding = await judgeOne(
      signalsMigrations,
      { 'package.json': '{ "devDependencies": { "prisma": "^5.20.0" } }\n', 'src/index.ts': 'export {};\n' },
      'Database migrations',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('is unknown when there are neither migration files nor a known migration tool', async () => {
    const finding = await judgeOne(signalsMigrations, { 'main.go': 'package main\n' }, 'Database migrations');
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('cannot be ruled out');
  });
});
