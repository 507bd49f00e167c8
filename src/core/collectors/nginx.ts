// nginx configuration: every directive with its arguments and line, comments removed. Files are
// recognised by name (nginx*.conf, *.conf under nginx/, conf.d/, sites-available/), templates
// included: envsubst placeholders do not change which directives a file sets.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';

export interface NginxDirective {
  name: string;
  /** Arguments as written, joined by one space. */
  args: string;
  line: number;
}

export interface NginxConfig {
  path: string;
  directives: NginxDirective[];
}

export interface NginxEvidence {
  configs: NginxConfig[];
}

export const NGINX_CONFIG =
  /(^|\/)nginx[^/]*\.conf(?:\.template)?$|(^|\/)(?:nginx|sites-(?:available|enabled)|conf\.d)\/[^/]+\.conf(?:\.template)?$/;

const NGINX_BLOCK = new Set(['http', 'server', 'location', 'upstream', 'events', 'stream']);

/** Directives of one file: `name args;` and block openers `name args {`, one per statement. */
export function parseNginx(text: string): NginxDirective[] {
  const directives: NginxDirective[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = stripComment(raw);
    for (const statement of line.split(/[;{}]/)) {
      const words = statement.trim().split(/\s+/);
      const name = words[0];
      if (!name || !/^[a-z_][a-z0-9_]*$/.test(name)) continue;
      directives.push({ name, args: words.slice(1).join(' '), line: index + 1 });
    }
  });
  return directives;
}

/** Drops a `#` comment that is not inside quotes. */
function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return line.slice(0, i);
  }
  return line;
}

export const nginxCollector: Collector<NginxEvidence> = {
  id: 'nginx',
  async collect(repo: RepoView): Promise<NginxEvidence> {
    const paths = repo.files.filter((path) => NGINX_CONFIG.test(path) && !VENDORED_OR_GENERATED.test(path));
    const parsed = await repo.perFiles('nginx', paths, parseNginx);
    const configs: NginxConfig[] = [];
    parsed.forEach((directives, index) => {
      const path = paths[index] as string;
      // conf.d/ and sites-*/ hold other daemons' files too (supervisor, fluentd): outside a path
      // that names nginx, a file counts only when it has nginx's own blocks.
      if (directives && (/nginx/i.test(path) || directives.some((d) => NGINX_BLOCK.has(d.name))))
        configs.push({ path, directives });
    });
    return { configs };
  },
};
