// Which tracked files are checklists. Default: Markdown whose name mentions readiness,
// checklist, launch or production, anywhere but dependency, vendored and generated folders.

import picomatch from 'picomatch';

export const DEFAULT_CHECKLIST_NAME = /(readiness|checklist|launch|production)[^/]*\.(md|markdown)$/i;

/** Folders whose files are never the project's own checklists or evidence. */
export const IGNORED_DIR =
  /(^|\/)(node_modules|vendor|third_party|bower_components|\.git|dist|build|out|coverage|target|\.next|\.nuxt|_build|deps|\.venv|venv|__pycache__)\//;

export function isIgnoredPath(path: string): boolean {
  return IGNORED_DIR.test(path);
}

export interface DiscoverOptions {
  /** Globs that replace the default name patterns (from --checklist or config). */
  globs?: readonly string[];
}

export function discoverChecklists(files: readonly string[], options: DiscoverOptions = {}): string[] {
  if (options.globs?.length) {
    const wanted = picomatch(options.globs as string[], { dot: true, nocase: true });
    return files.filter((file) => wanted(file));
  }
  const basename = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  return files.filter((file) => DEFAULT_CHECKLIST_NAME.test(basename(file)) && !isIgnoredPath(file));
}
