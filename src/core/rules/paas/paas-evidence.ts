// What the PaaS rules share: which platform an item speaks about, and which of the platform's
// committed deployment files speak for the project (the checklist's folder first; archived and
// example copies never).

import type { PaasConfig, PaasEvidence, Platform } from '../../collectors/paas.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { EvalContext } from '../../rule.js';
import type { ChecklistItem, EvidenceRef } from '../../types.js';

export interface PlatformInfo {
  platform: Platform;
  name: string;
  /** Words that name the platform (or its file) in item text. */
  words: RegExp;
  /** Its deployment file, for messages. */
  files: string;
  /** The file name an item may cite ("in render.yaml"). */
  fileWords: RegExp;
}

// "Render" is also an English verb, "Railway" a noun: named only as a platform (Render.com, on
// Render, Render service) or by the file.
export const PLATFORMS: readonly PlatformInfo[] = [
  {
    platform: 'render',
    name: 'Render',
    words:
      /\b[Rr]ender\.com\b|\b[Rr]ender\.ya?ml\b|\b(?:on|to|via|with|for|in) Render\b|\bRender (?:deploy\w*|services?|blueprints?|web services?|hosting|platform|config\w*|setup|set-up)\b/,
    files: 'render.yaml',
    fileWords: /\brender\.ya?ml\b/i,
  },
  {
    platform: 'fly',
    name: 'Fly.io',
    words: /\bfly\.io\b|\bfly(?:\.[\w-]+)?\.toml\b|\bflyctl\b|\bFly (?:apps?|machines?|deploy\w*)\b/i,
    files: 'fly.toml',
    fileWords: /\bfly(?:\.[\w-]+)?\.toml\b/i,
  },
  {
    platform: 'vercel',
    name: 'Vercel',
    words: /\bvercel(?:\.json)?\b/i,
    files: 'vercel.json',
    fileWords: /\bvercel\.json\b/i,
  },
  {
    platform: 'netlify',
    name: 'Netlify',
    words: /\bnetlify(?:\.toml)?\b/i,
    files: 'netlify.toml',
    fileWords: /\bnetlify\.toml\b/i,
  },
  {
    platform: 'heroku',
    name: 'Heroku',
    words: /\bheroku\b|\bprocfile\b/i,
    files: 'Procfile, app.json',
    fileWords: /\bprocfile\b|\bapp\.json\b/i,
  },
  {
    platform: 'railway',
    name: 'Railway',
    words: /\brailway(?:\.app|\.json|\.toml)?\b/i,
    files: 'railway.json, railway.toml',
    fileWords: /\brailway\.(?:json|toml)\b/i,
  },
];

/** Platforms the item's own text names. */
export function platformsNamed(text: string): PlatformInfo[] {
  return PLATFORMS.filter((info) => info.words.test(text));
}

/** Platforms the item's headings or parent items name, when its own text names none. */
export function platformsInContext(item: ChecklistItem): PlatformInfo[] {
  const own = platformsNamed(item.text);
  if (own.length) return own;
  return PLATFORMS.filter((info) => [...item.parents, ...item.section].some((text) => info.words.test(text)));
}

/** The platform's deployment files that speak for the project: in the checklist's folder first. */
export function configsOf(ctx: EvalContext, evidence: PaasEvidence, platform: Platform): PaasConfig[] {
  const all = evidence.configs.filter(
    (config) =>
      config.platform === platform &&
      !config.unparsable &&
      (!isNonProductionPath(config.path) || (ctx.scope !== '' && inScope(config.path, ctx.scope))),
  );
  const scoped = all.filter((config) => inScope(config.path, ctx.scope));
  return scoped.length ? scoped : all;
}

export function at(path: string, line: number): string {
  return `${path}:${line}`;
}

export function ref(path: string, line?: number, excerpt?: string): EvidenceRef {
  return {
    path,
    ...(line !== undefined ? { line } : {}),
    ...(excerpt ? { excerpt: excerpt.slice(0, 120) } : {}),
  };
}
