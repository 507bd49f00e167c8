// Repository-relative paths: forward slashes, no leading slash, no `.` or `..` segments.

/** The folder holding `path` ('' at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The file name of `path`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * `relative` resolved against the folder `base`: `.` and empty segments dropped, `..` climbing
 * one folder but never above the root. A leading `/` stays inside `base` (scripts and manifests
 * name paths in the repository, not on some machine).
 */
export function joinPath(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}
