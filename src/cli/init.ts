// `readiness init`: write a starter checklist whose every item a rule can check.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import type { Command } from './args.js';
import { templatesDir } from './package-files.js';

export const CHECKLIST_FILE = 'PRODUCTION_READINESS.md';

export function templateNames(): string[] {
  return readdirSync(templatesDir())
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();
}

export function init(command: Extract<Command, { kind: 'init' }>): number {
  const names = templateNames();
  if (!names.includes(command.template)) {
    throw new UserError(`no template "${command.template}"; choose one of: ${names.join(', ')}`);
  }
  const target = join(command.dir, CHECKLIST_FILE);
  if (existsSync(target) && !command.force) {
    throw new UserError(`${target} already exists; pass --force to overwrite it`);
  }
  mkdirSync(command.dir, { recursive: true });
  writeFileSync(target, readFileSync(join(templatesDir(), `${command.template}.md`), 'utf8'));
  process.stdout.write(
    `wrote ${target} from the ${command.template} template; run: readiness check ${command.dir}\n`,
  );
  return 0;
}
