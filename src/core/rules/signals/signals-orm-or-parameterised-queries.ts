import { codeSignalsCollector } from '../../collectors/code-signals.js';
import { inScope } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import { at, judgeSignal, matchClaim, ref, type SignalClaim } from './signals-evidence.js';

const ORM =
  /\bSQL injection\b|\bparameteri[sz]ed\b|\bprepared statements?\b|\bORM\b|\b(?:prisma|typeorm|sequelize|drizzle|knex|kysely|sqlalchemy|gorm|sqlx|ecto|hibernate|jpa|diesel)\b/i;
/** Migrations and seeds name the ORM but claim something else. */
const NOT_QUERIES = /\bmigrat\w*|\bseed\w*|\bschema (?:file|changes?)\b/i;
const INJECTION_CLAIM = /\binjection\b|\bparameteri[sz]ed\b|\bprepared\b/i;
/**
 * An ORM named beside a database product or a setting key describes the stack or its
 * configuration ("PostgreSQL with SQLAlchemy (psycopg)", "spring.jpa.hibernate.ddl-auto=none"),
 * which this rule does not judge; query safety is its only subject.
 */
const STACK_OR_SETTING =
  /\bddl[-_]auto\b|\b[a-z]+(?:\.[a-z-]+){2,}\b|\b(?:postgres(?:ql)?|mysql|mariadb|sqlite|mongo\w*)\b/i;

export const signalsOrmOrParameterisedQueries: Rule<SignalClaim> = {
  id: 'signals.orm-or-parameterised-queries',
  title: 'Database access goes through an ORM or parameterised queries',
  why: 'SQL built by string concatenation is the classic injection hole; an ORM or placeholders keep data out of the query text.',
  fix: 'Pass values as parameters (`$1`, `%s` with a params tuple, `?`) or through the ORM; never concatenate or interpolate them into SQL.',
  recognises:
    '"SQL injection prevention/protection", "parameterised queries", "prepared statements", "ORM" or an ORM by name ' +
    '(Prisma, TypeORM, Sequelize, Drizzle, Knex, SQLAlchemy, GORM, sqlx, Ecto, Hibernate/JPA, Diesel); not migrations.',
  needs: [codeSignalsCollector],
  match: (item) =>
    matchClaim(item, ORM, NOT_QUERIES).filter(
      (claim) => INJECTION_CLAIM.test(claim.claim) || !STACK_OR_SETTING.test(claim.claim),
    ),
  evaluate(claim, ctx) {
    const stringBuilt = ctx
      .get(codeSignalsCollector)
      .stringBuiltSql.filter((location) => inScope(location.path, ctx.scope));
    const first = stringBuilt[0];
    if (first && INJECTION_CLAIM.test(claim.claim)) {
      return {
        verdict: 'fail',
        message: `SQL built from strings at ${at(first)} ("${first.excerpt.slice(0, 80)}")${stringBuilt.length > 1 ? ` and ${stringBuilt.length - 1} more places` : ''}`,
        evidence: stringBuilt.slice(0, 3).map(ref),
      };
    }
    return judgeSignal(
      {
        signal: 'orm',
        what: 'ORM/query library',
        // Plain drivers with placeholders are safe too: only a named ORM can be missing for sure.
        failWhenAbsent: (_text, named) => named.length > 0,
      },
      claim,
      ctx,
    );
  },
  examples: {
    match: [
      'SQL injection protection (Prisma ORM)',
      'SQL injection prevention',
      'Parameterised SQL queries through SQLAlchemy',
      'Prisma ORM',
      'All queries use prepared statements',
    ],
    noMatch: [
      'PostgreSQL with SQLAlchemy 2.0 + async (psycopg)',
      'spring.jpa.hibernate.ddl-auto=none (no auto-DDL)',
      'Database migrations with Alembic',
      'Migrations with prisma migrate',
      'Seed data with Prisma',
      'Input validation (Zod schemas)',
    ],
    verdicts: [
      {
        files: {
          'app/db.py': 'from sqlalchemy import create_engine\n',
          'app/main.py':
            'def read(conn, item_id):\n    return conn.exec_driver_sql("SELECT name FROM items WHERE id = %s", (item_id,)).first()\n',
        },
        item: 'Parameterised SQL queries through SQLAlchemy',
        verdict: 'pass',
      },
      {
        files: {
          'app/db.py': 'from sqlalchemy import text\n',
          'app/search.py':
            'def search(conn, name):\n    return conn.execute(text(f"SELECT * FROM items WHERE name = \'{name}\'"))\n',
        },
        item: 'SQL injection prevention',
        verdict: 'fail',
      },
    ],
  },
};
