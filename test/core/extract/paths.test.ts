import { describe, expect, it } from 'vitest';
import { extractPaths } from '../../../src/core/extract/paths.js';
import { itemFrom } from '../../support/rule-harness.js';

const paths = (markdown: string) => extractPaths(itemFrom(markdown)).map((ref) => ref.path);

describe('extractPaths', () => {
  it('takes paths, bare file names and line ranges', () => {
    expect(extractPaths(itemFrom('Daemons (`routes.ts` lines 271-278)'))).toEqual([
      { path: 'routes.ts', folder: false, bare: true, lines: { from: 271, to: 278 } },
    ]);
    expect(paths('Backup script tested: `./scripts/backup-db.sh`')).toEqual(['scripts/backup-db.sh']);
    expect(paths('Alerts (health-monitor.ts) and src/jobs/cleanup.ts')).toEqual([
      'health-monitor.ts',
      'src/jobs/cleanup.ts',
    ]);
  });

  it('leaves settings, commands, routes, URLs, packages and runtime files alone', () => {
    for (const text of [
      '`MIX_ENV=prod`',
      '`npm run build`',
      '`/health`',
      '`CHANGE_THIS_*`',
      '`production`',
      '`https://x.io/a.js`',
      '`@scope/pkg`',
      '`.env.production`',
      '`priv/data.bin`',
      '`./priv:/app/priv`',
      'Built on Node.js',
      'see e.g. lm.wanderer.ltd',
    ]) {
      expect(paths(text)).toEqual([]);
    }
  });

  it('takes extensionless build files written as proper nouns in prose, once', () => {
    expect(extractPaths(itemFrom('Makefile for common tasks'))).toEqual([
      { path: 'Makefile', folder: false, bare: true },
    ]);
    expect(paths('Caddyfile and `Makefile` committed')).toEqual(['Makefile', 'Caddyfile']);
    expect(paths('makefile targets documented')).toEqual([]);
    expect(paths('See Makefile.ci')).toEqual([]);
  });
});
