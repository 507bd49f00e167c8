// Scripts of every package.json (outside node_modules), with the line each script is declared on.

import type { Collector, RepoView } from '../evidence.js';
import { inFolders } from '../formats/folders.js';
import { parsePackageJson } from '../formats/package-json.js';

export interface PackageScript {
  name: string;
  command: string;
  line: number;
}

export interface PackageManifest {
  path: string;
  /** Folder of the manifest ('' at the root). */
  dir: string;
  scripts: PackageScript[];
  /** Why the manifest could not be read as JSON, when it could not. */
  problem?: string;
}

export interface PackageScripts {
  manifests: PackageManifest[];
}

const MANIFEST = /(^|\/)package\.json$/;
const SKIPPED = inFolders(['node_modules', 'vendor', 'dist', 'build', '.next']);

export const packageScriptsCollector: Collector<PackageScripts> = {
  id: 'package-scripts',
  async collect(repo: RepoView): Promise<PackageScripts> {
    const manifests: PackageManifest[] = [];
    for (const path of repo.files) {
      if (!MANIFEST.test(path) || SKIPPED.test(path)) continue;
      const text = await repo.read(path);
      if (text !== null) manifests.push(readManifest(path, text));
    }
    return { manifests };
  },
};

function readManifest(path: string, text: string): PackageManifest {
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const parsed = parsePackageJson(text);
  if ('problem' in parsed) return { path, dir, scripts: [], problem: parsed.problem };
  const scripts = parsed.manifest.scripts;
  if (scripts === undefined) return { path, dir, scripts: [] };
  if (scripts === null || typeof scripts !== 'object' || Array.isArray(scripts)) {
    return { path, dir, scripts: [], problem: '"scripts" is not an object' };
  }
  const lines = text.split(/\r\n|\r|\n/);
  const scriptsLine = lines.findIndex((line) => /"scripts"\s*:/.test(line));
  return {
    path,
    dir,
    scripts: Object.entries(scripts as Record<string, unknown>).map(([name, command]) => ({
      name,
      command: typeof command === 'string' ? command : '',
      line: lineOf(lines, name, scriptsLine),
    })),
  };
}

/** Line of `"name":` at or after the `"scripts"` key; the scripts line itself when not found. */
function lineOf(lines: string[], name: string, from: number): number {
  const key = `${JSON.stringify(name)}`;
  for (let i = Math.max(from, 0); i < lines.length; i++) {
    const line = lines[i] as string;
    const at = line.indexOf(key);
    if (at >= 0 && /^\s*:/.test(line.slice(at + key.length))) return i + 1;
  }
  return from + 1;
}
