// Redis server directives the project sets: in redis.conf files, in a ConfigMap or Helm values
// that embed one, or as `redis-server --<directive> <value>` in Compose, Kubernetes or scripts.
// Only files that mention Redis are searched; comment lines do not count.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';

export interface RedisDirective {
  name: string;
  value: string;
  path: string;
  line: number;
}

export const REDIS_DIRECTIVES = ['maxmemory-policy', 'appendonly', 'appendfsync', 'save'] as const;

const CANDIDATE = /\.(?:conf|ya?ml|sh|json|toml|env)$|(^|\/)(?:Dockerfile[\w.-]*|[\w.-]+\.dockerfile)$/i;
/** A directive at the start of a line (redis.conf, block scalars) or after `--` on a command line. */
const DIRECTIVE =
  /(?:^\s*|--|["'\s,[]--?)(maxmemory-policy|appendonly|appendfsync|save)(?:\s+|\s*=\s*|["'],\s*["'])["']?([\w.-]+(?:\s+\d+)?)/gm;
const COMMENT = /^\s*(?:#|\/\/)/;

export function redisDirectivesIn(text: string, path = ''): [string, string, number][] {
  if (!/redis/i.test(text) && !/redis/i.test(path)) return [];
  const found: [string, string, number][] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (COMMENT.test(line)) return;
    DIRECTIVE.lastIndex = 0;
    for (let match = DIRECTIVE.exec(line); match; match = DIRECTIVE.exec(line)) {
      found.push([match[1] as string, (match[2] as string).toLowerCase(), index + 1]);
    }
  });
  return found;
}

export const redisDirectivesCollector: Collector<RedisDirective[]> = {
  id: 'redis-directives',
  async collect(repo: RepoView): Promise<RedisDirective[]> {
    const paths = repo.files.filter((path) => CANDIDATE.test(path) && !VENDORED_OR_GENERATED.test(path));
    const perFile = await repo.perFiles('redis-directives', paths, (text, index) =>
      redisDirectivesIn(text, paths[index] as string),
    );
    const directives: RedisDirective[] = [];
    perFile.forEach((found, index) => {
      for (const [name, value, line] of found ?? []) {
        directives.push({ name, value, line, path: paths[index] as string });
      }
    });
    return directives;
  },
};
