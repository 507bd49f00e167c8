import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import {
  at,
  judgeSignal,
  matchClaim,
  namesFileOrCommand,
  ref,
  type SignalClaim,
  wiredInScope,
} from './signals-evidence.js';

const MIGRATIONS =
  /\b(?:database|db|schema|sql)\b[^.]*\bmigrations?\b|\bmigrations?\b[^.]*\b(?:alembic|flyway|liquibase|ecto|prisma|knex|django|sequelize|typeorm|goose|golang-migrate|drizzle|diesel|committed|versioned)\b|\b(?:alembic|flyway|liquibase)\b|^migrations?$/i;
/** Running migrations, planning them, or moving data between environments is not having migration files. */
const NOT_FILES =
  /\b(?:run|ran|strategy|plan(?:ned)?|rollback|environment migration|DEV|completed|succe\w+)\b/i;

export const signalsMigrations: Rule<SignalClaim> = {
  id: 'signals.migrations',
  title: 'Database schema changes are versioned as migration files',
  why: 'Without committed migrations, the production schema is whatever someone last typed into a console.',
  fix: "Generate and commit migrations with the project's tool (prisma migrate dev, alembic revision, mix ecto.gen.migration, Flyway V1__*.sql).",
  recognises:
    '"database migrations", "schema migrations" or a migration tool (Alembic, Flyway, Liquibase, Ecto, Prisma, Knex, Django...); ' +
    'not running or planning migrations, and not items naming a path or command (the references rules check those).',
  needs: [codeSignalsCollector],
  match: (item) => (namesFileOrCommand(item) ? [] : matchClaim(item, MIGRATIONS, NOT_FILES)),
  evaluate(claim, ctx) {
    const files = wiredInScope(ctx.get(codeSignalsCollector), 'migrations', ctx.scope).filter(
      (hit) => hit.how === 'file',
    );
    const first = files[0];
    if (first) {
      return {
        verdict: 'pass',
        message: `${first.library} migrations in ${at(first)} (${first.excerpt})${files.length > 1 ? ` and ${files.length - 1} more folders` : ''}`,
        evidence: files.slice(0, 3).map(ref),
      };
    }
    const tool = judgeSignal({ signal: 'migrations', what: 'migration tool' }, claim, ctx);
    if (tool.verdict === 'pass' || tool.evidence.length) {
      return {
        verdict: 'unknown',
        message: `no migration files found, though ${tool.message.replace(/^migration tool: /, '')}; migrations may be generated at deploy time`,
        evidence: tool.evidence,
      };
    }
    return tool.verdict === 'fail'
      ? {
          verdict: 'fail',
          message: `no migration files${ctx.scope ? ` in ${ctx.scope}/` : ''} (looked for prisma/migrations, alembic versions, Django/Ecto/Rails migrations, Flyway V*__*.sql, Liquibase changelogs, *.up.sql) and no migration tool declared`,
          evidence: [],
        }
      : tool;
  },
  examples: {
    match: [
      'Database migrations',
      'Database migrations with Alembic',
      'Flyway manages schema changes',
      'Schema migrations versioned in git',
    ],
    noMatch: [
      'Migrations run successfully',
      'Database migration strategy defined',
      '**Environment Migration** - DEV→TEST→PROD customization export/import',
      'Migrations with `npm run db:migrate`',
      'Ecto migrations committed under `priv/repo/migrations`',
    ],
    verdicts: [
      {
        files: {
          'requirements.txt': 'alembic==1.13.2\n',
          'migrations/versions/0001_create_items.py':
            'from alembic import op\n\n\ndef upgrade():\n    op.create_table("items")\n',
        },
        item: 'Database migrations with Alembic',
        verdict: 'pass',
      },
      {
        files: {
          'package.json': '{ "devDependencies": { "prisma": "^5.20.0" } }\n',
          'src/index.ts': 'export {};\n',
        },
        item: 'Database migrations',
        verdict: 'unknown',
      },
    ],
  },
};
