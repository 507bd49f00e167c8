// Versions the repository pins: dependencies in go.mod, package.json and requirements files, the
// Go toolchain (`go 1.22`), runtime version files (.nvmrc, .python-version, .ruby-version,
// .tool-versions) and container images (Dockerfile FROM, Compose `image:`), each with its line.
// Images come from the Dockerfile and Compose collectors, which parse those files already.

import type { Collector, RepoView } from '../evidence.js';
import { VENDORED_OR_GENERATED } from '../formats/folders.js';
import { parsePackageJson } from '../formats/package-json.js';
import { baseName } from '../formats/paths.js';
import { composeCollector } from './compose.js';
import { dockerfilesCollector } from './dockerfiles.js';

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
  /^(?:go\.mod|package\.json|requirements[\w.-]*\.txt|\.nvmrc|\.node-version|\.python-version|\.ruby-version|\.tool-versions)$/;
/** An image reference with a literal tag (`postgres:16-alpine`); a `$` in it is set at build time. */
const TAGGED_IMAGE = /^([\w./-]+):([\w.-]+)/;
const RUNTIME_FILES: Record<string, string> = {
  '.nvmrc': 'node',
  '.node-version': 'node',
  '.python-version': 'python',
  '.ruby-version': 'ruby',
};

export const declaredVersionsCollector: Collector<DeclaredVersionsEvidence> = {
  id: 'declared-versions',
  needs: [dockerfilesCollector, composeCollector],
  async collect(repo: RepoView, _config, facts): Promise<DeclaredVersionsEvidence> {
    const paths = repo.files.filter(
      (path) => FILES.test(baseName(path)) && !VENDORED_OR_GENERATED.test(path),
    );
    const parsed = await repo.perFiles('declared-versions', paths, (text, index) =>
      versionsIn(paths[index] as string, text),
    );
    const images: DeclaredVersion[] = [];
    const image = (path: string, reference: string, line: number) => {
      const tagged = TAGGED_IMAGE.exec(reference);
      if (tagged && !reference.includes('$') && !VENDORED_OR_GENERATED.test(path))
        images.push({ name: tagged[1] as string, kind: 'image', version: tagged[2] as string, path, line });
    };
    for (const dockerfile of facts.get(dockerfilesCollector).dockerfiles)
      for (const stage of dockerfile.stages)
        if (!stage.base.stage) image(dockerfile.path, stage.base.written, stage.line);
    for (const file of facts.get(composeCollector).files)
      for (const service of file.services)
        if (service.image) image(file.path, service.image.value, service.image.line);
    // In path order, as the files are listed; within a file, as found.
    const byPath = (a: DeclaredVersion, b: DeclaredVersion) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
    return { versions: [...parsed.flatMap((found) => found ?? []), ...images].sort(byPath) };
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
    }
  });
  return found;
}

function lineOfKey(lines: readonly string[], key: string): number {
  const index = lines.findIndex((line) => line.includes(`"${key}"`));
  return index < 0 ? 1 : index + 1;
}
