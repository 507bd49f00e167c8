// Files shipped with the package (templates), found from this module whether it runs as
// TypeScript from src/ or bundled in dist/.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the readiness package folder (templates/ is missing)');
    dir = parent;
  }
  return dir;
}

export function templatesDir(): string {
  return join(packageDir(), 'templates');
}
