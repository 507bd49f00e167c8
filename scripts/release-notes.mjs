#!/usr/bin/env node
// `node scripts/release-notes.mjs v1.2.3`: prints the CHANGELOG.md section of that version, for
// the release workflow's GitHub release. Fails, saying what to fix, when the tag is not a version,
// differs from package.json's version, or the changelog has no dated section for it.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @returns {{ notes: string } | { error: string }} */
export function releaseNotes(changelog, tag, packageVersion) {
  const match = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag);
  if (!match) return { error: `tag "${tag}" is not a version tag like v1.2.3 or v1.2.3-rc.1` };
  const version = match[1];
  if (version !== packageVersion)
    return {
      error: `tag ${tag} does not match package.json version ${packageVersion}; bump the version (npm version ${version} --no-git-tag-version), commit, and tag that commit`,
    };
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## ${version}`) && /^## \S+(\s|$)/.test(line));
  if (start < 0)
    return { error: `CHANGELOG.md has no "## ${version}" section; add one with the release's changes` };
  if (/unreleased/i.test(lines[start]))
    return {
      error: `CHANGELOG.md still calls ${version} unreleased; replace "(unreleased)" with the release date`,
    };
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const notes = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  if (!notes) return { error: `the CHANGELOG.md section of ${version} is empty` };
  return { notes: `${notes}\n` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), '../..');
  const tag = process.argv[2] ?? '';
  const result = releaseNotes(
    readFileSync(resolve(root, 'CHANGELOG.md'), 'utf8'),
    tag,
    JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version,
  );
  if ('error' in result) {
    console.error(`release-notes: ${result.error}`);
    process.exit(1);
  }
  process.stdout.write(result.notes);
}
