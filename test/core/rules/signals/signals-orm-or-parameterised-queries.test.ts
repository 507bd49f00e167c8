import { describe, expect, it } from 'vitest';
import { signalsOrmOrParameterisedQueries } from '../../../../src/core/rules/signals/signals-orm-or-parameterised-queries.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.orm-or-parameterised-queries', () => {
  it('passes on SQLAlchemy with placeholders', async () => {
    const finding = await judgeOne(
      signalsOrmOrParameterisedQueries,
      {
        'app/db.py': 'from sqlalchemy import create_engine\n',
        'app/main.py':
          'def read(conn, item_id):\n    return conn.exec_driver_sql("SELECT name FROM items WHERE id = %s", (item_id,)).first()\n',
      },
      'Parameterised SQL queries through SQLAlchemy',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails an injection claim when SQL is built with an f-string', async () => {
    const finding = await judgeOne(
      signalsOrmOrParameterisedQueries,
      {
        'app/db.py': 'from sqlalchemy import text\n',
        'app/search.py':
          'def search(conn, name):\n    return conn.execute(text(f"SELECT * FROM items WHERE name = \'{name}\'"))\n',
      },
      'SQL injection prevention',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence[0]).toMatchObject({ path: 'app/search.py', line: 2 });
  });

  it('does not take an English message in fmt.Sprintf for SQL built from strings', async () => {
    const files = {
      'go.mod': 'module example.com/shop\n\ngo 1.22\n\nrequire github.com/jackc/pgx/v5 v5.5.0\n',
      'store/items.go':
        'package store\n\nimport "fmt"\n\nfunc (s *Store) Rename(id, name string) error {\n' +
        '\tif _, err := s.db.Exec(ctx, "UPDATE items SET name = $1 WHERE id = $2", name, id); err != nil {\n' +
        '\t\treturn fmt.Errorf(fmt.Sprintf("Update %s failed: %v", id, err))\n\t}\n' +
        '\ts.log(fmt.Sprintf("Select one from the list for %s", id))\n\treturn nil\n}\n',
    };
    const finding = await judgeOne(signalsOrmOrParameterisedQueries, files, 'SQL injection prevention');
    expect(finding.verdict).not.toBe('fail');
    const built = await judgeOne(
      signalsOrmOrParameterisedQueries,
      {
        ...files,
        'store/search.go':
          'package store\n\nimport "fmt"\n\nfunc q(name string) string {\n\treturn fmt.Sprintf("SELECT * FROM items WHERE name = \'%s\'", name)\n}\n',
      },
      'SQL injection prevention',
    );
    expect(built.verdict).toBe('fail');
    expect(built.evidence[0]).toMatchObject({ path: 'store/search.go', line: 6 });
  });

  it('does not count tagged templates as string-built SQL', async () => {
    const finding = await judgeOne(
      signalsOrmOrParameterisedQueries,
      {
        'src/db.ts':
          // biome-ignore lint/suspicious/noTemplateCurlyInString: the file content is source code with a template
          "import { PrismaClient } from '@prisma/client';\nconst rows = await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;\n",
      },
      'SQL injection protection (Prisma ORM)',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('fails when the named ORM is absent', async () => {
    const finding = await judgeOne(
      signalsOrmOrParameterisedQueries,
      { 'package.json': '{ "dependencies": { "pg": "^8.11.0" } }\n', 'src/db.ts': "import pg from 'pg';\n" },
      'Prisma ORM',
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.evidence).toEqual([{ path: 'package.json' }]);
    const noManifest = await judgeOne(
      signalsOrmOrParameterisedQueries,
      { 'src/db.ts': "import pg from 'pg';\n" },
      'Prisma ORM',
    );
    expect(noManifest.verdict).toBe('unknown');
  });

  it('is unknown for a generic claim over a plain driver', async () => {
    const finding = await judgeOne(
      signalsOrmOrParameterisedQueries,
      { 'src/db.ts': "import pg from 'pg';\nawait pool.query('SELECT * FROM users WHERE id = $1', [id]);\n" },
      'SQL injection prevention',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
