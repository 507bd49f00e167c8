// `readiness check`: evaluate, render in the asked format, exit with the gate's verdict.

import { existsSync, statSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { defaultCacheDir } from '../adapters/blob-cache-file.js';
import { runCheck } from '../checkout/run-check.js';
import { UserError } from '../core/errors.js';
import { renderJson } from '../core/render/json.js';
import { renderMarkdown } from '../core/render/markdown.js';
import { renderSarif } from '../core/render/sarif.js';
import { renderText } from '../core/render/text.js';
import type { Command } from './args.js';

export async function check(command: Extract<Command, { kind: 'check' }>): Promise<number> {
  if (!existsSync(command.dir) || !statSync(command.dir).isDirectory()) {
    throw new UserError(
      `${command.dir} is not a folder. Pass the repository to check: readiness check path/to/repo`,
    );
  }
  const options: Parameters<typeof runCheck>[0] = {
    dir: command.dir,
    mode: command.gate,
    checklists: command.checklists,
  };
  if (command.base) options.base = command.base;
  if (command.config) options.configPath = command.config;
  if (command.cacheDir !== null) {
    options.cache = {
      dir: command.cacheDir ?? defaultCacheDir(),
      warn: (message) => process.stderr.write(`readiness: warning: ${message}\n`),
    };
  }
  const report = await runCheck(options);
  const output =
    command.format === 'json'
      ? renderJson(report)
      : command.format === 'sarif'
        ? renderSarif(report, {
            toolVersion: packageJson.version,
            rules: (await import('../core/rules/index.js')).RULES,
          })
        : command.format === 'markdown'
          ? renderMarkdown(report, {})
          : renderText(report, { color: command.color });
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  return report.gate.passed ? 0 : 1;
}
