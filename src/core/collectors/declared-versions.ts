// Versions the repository pins: dependencies in go.mod, package.json and requirements files, the
// Go toolchain (`go 1.22`), runtime version files (.nvmrc, .python-version, .ruby-version,
// .tool-versions) and container images (Dockerfile FROM, Compose `image:`), each with its line.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';
import { parsePackageJson } from '../formats/package-json.js';
import { baseName } from '../formats/paths.js';

export interface DeclaredVersion {
  /** As declared: a module path, a package or image name, or a runtime (`go`, `node`, `python`). */
  name: string;
  kind: 'dependency' | 'runtime' | 'image';
  /** The version as written (`v1.11.1`, `^14.2.0`, `16-alpine`). */
  version: string;
  path: string;
  line: number;
}

export interface DeclaredVersionsEvidence {
  versions: DeclaredVersion[];
}

const FILES =
  /^(?:go\.mod|package\.json|requirements[\w.-]*\.txt|\.nvmrc|\.node-version|\.python-version|\.ruby-version|\.tool-versions|Dockerfile(?:[.-][\w-]+)?|[\w.-]+\.dockerfile|(?:docker-|podman-)?compose(?:[.-][\w-]+)?\.ya?ml)$/;
const RUNTIME_FILES: Record<string, string> = {
  '.nvmrc': 'node',
  '.node-version': 'node',
  '.python-version': 'python',
  '.ruby-version': 'ruby',
};

export const declaredVersionsCollector: Collector<DeclaredVersionsEvidence> = {
  id: 'declared-versions',
  async collect(repo: RepoView): Promise<DeclaredVersionsEvidence> {
    const paths = repo.files.filter(
      (path) => FILES.test(baseName(path)) && !VENDORED_OR_GENERATED.test(path),
    );
    const parsed = await repo.perFiles('declared-versions', paths, (text, index) =>
      versionsIn(paths[index] as string, text),
    );
    return { versions: parsed.flatMap((found) => found ?? []) };
  },
};

export function versionsIn(path: string, text: string): DeclaredVersion[] {
  const name = baseName(path);
  const lines = text.split(/\r\n|\r|\n/);
  const found: DeclaredVersion[] = [];
  const add = (entry: string, kind: DeclaredVersion['kind'], version: string, line: number) =>
    found.push({ name: entry, kind, version, path, line });
  if (name === 'package.json') {
    const parsed = parsePackageJson(text);
    if ('problem' in parsed) return [];
    const manifest = parsed.manifest as Record<string, unknown>;
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'engines']) {
      const deps = manifest[field];
      if (typeof deps !== 'object' || deps === null) continue;
      for (const [dep, version] of Object.entries(deps)) {
        if (typeof version !== 'string') continue;
        const line = lineOfKey(lines, dep);
        add(dep, field === 'engines' ? 'runtime' : 'dependency', version, line);
      }
    }
    return found;
  }
  const runtime = RUNTIME_FILES[name];
  if (runtime) {
    const first = lines.findIndex((line) => line.trim());
    if (first >= 0) add(runtime, 'runtime', (lines[first] as string).trim(), first + 1);
    return found;
  }
  lines.forEach((raw, index) => {
    const line = raw.replace(/(?:^|\s)(?:#|\/\/).*$/, '').trim();
    if (!line || line.length > 500) return;
    if (name === 'go.mod') {
      const go = /^(go|toolchain)\s+(?:go)?(\d[\w.]*)$/.exec(line);
      if (go) add('go', 'runtime', go[2] as string, index + 1);
      const module = /^(?:require\s+)?([\w.-]+\.[\w.-]+\/[\w./-]+)\s+(v\d[\w.+-]*)/.exec(line);
      if (module) add(module[1] as string, 'dependency', module[2] as string, index + 1);
    } else if (name === '.tool-versions') {
      const tool = /^([\w-]+)\s+(\d[\w.]*)/.exec(line);
      if (tool)
        add(tool[1] === 'nodejs' ? 'node' : (tool[1] as string), 'runtime', tool[2] as string, index + 1);
    } else if (/^requirements/.test(name)) {
      const pinned = /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*(==|>=|~=)\s*(\d[\w.]*)/.exec(line);
      if (pinned)
        add((pinned[1] as string).toLowerCase(), 'dependency', `${pinned[2]}${pinned[3]}`, index + 1);
    } else {
      const image = /^(?:FROM\s+(?:--platform=\S+\s+)?|-?\s*image:\s*)["']?([\w./-]+):([\w.-]+)/i.exec(line);
      if (image && !/\$/.test(image[0])) add(image[1] as string, 'image', image[2] as string, index + 1);
    }
  });
  return found;
}

function lineOfKey(lines: readonly string[], key: string): number {
  const index = lines.findIndex((line) => line.includes(`"${key}"`));
  return index < 0 ? 1 : index + 1;
}
