import { type EnvDocs, envDocsCollector } from '../../collectors/env-docs.js';
import { type EnvRead, envReadsCollector } from '../../collectors/env-reads.js';
import { inScope } from '../../evidence.js';
import type { Rule } from '../../rule.js';
import { TOOLCHAIN_VARIABLES } from './env-var-used.js';

const ENV_VARS = String.raw`(?:env(?:ironment)?\s*(?:var(?:iable)?s?|config(?:uration)?)|env\s*vars?|\.env\.\w+|env\s+template)`;
const CLAIMS = [
  new RegExp(String.raw`\b(?:all|every)\b.*${ENV_VARS}.*\b(?:documented|listed|described)\b`, 'i'),
  new RegExp(String.raw`${ENV_VARS}.*\b(?:documented|listed in|described in)\b`, 'i'),
  /\.env\.(?:example|sample|template)\b.*\b(?:up[ -]to[ -]date|complete|in sync|current|maintained)\b/i,
  /\b(?:document(?:ed)?|documentation (?:of|for))\b.*\benv(?:ironment)? var(?:iable)?s\b/i,
];

/** Wording that claims every variable is documented, not just that documentation exists. */
const COMPLETE = /\b(?:all|every|each|any|complete|up[ -]to[ -]date|in sync|current)\b/i;

export const envAllDocumented: Rule<true> = {
  id: 'env.all-documented',
  title: 'Every environment variable the code reads is documented',
  why: 'Operators configure production from the documented variables; an undocumented one is discovered at 3 a.m. as a crash or a silent default.',
  fix: 'Add each undocumented variable to .env.example (with a safe placeholder and a comment), or remove reads that are no longer used.',
  recognises:
    'Claims that all environment variables are documented or that .env.example is up to date ("All env vars documented", ' +
    '".env.example up to date"). Validation, setting values in production and storing secrets are other claims.',
  needs: [envReadsCollector, envDocsCollector],
  match: (item) => (CLAIMS.some((claim) => claim.test(item.text)) ? [true] : []),
  evaluate(_claim, ctx, item) {
    const env = ctx.get(envReadsCollector);
    const docs = ctx.get(envDocsCollector);
    const reads = new Map<string, EnvRead>();
    for (const [name, found] of env.reads) {
      const first = found.find((read) => read.kind === 'code' && inScope(read.path, ctx.scope));
      if (first && !TOOLCHAIN_VARIABLES.test(name)) reads.set(name, first);
    }
    if (!reads.size) {
      return {
        verdict: 'unknown',
        message:
          'no environment reads were recognised in the source files, so there is nothing to compare with the documentation',
        evidence: [],
      };
    }
    const undocumented = [...reads.values()].filter((read) => !docs.documented.has(read.name));
    if (!docs.documented.size) {
      const looked = ctx.scope ? `${ctx.scope}/.env.example` : '.env.example';
      return {
        verdict: 'fail',
        message: `${reads.size} variables are read by code but none is documented: no .env.example/.env.sample/.env.template, compose environment, Kubernetes env or Markdown mention (e.g. ${undocumented[0]?.name} at ${undocumented[0]?.path}:${undocumented[0]?.line})`,
        evidence: [{ path: looked }, ...undocumented.slice(0, 5).map(locate)],
      };
    }
    if (undocumented.length) {
      const listed = undocumented
        .slice(0, 5)
        .map((read) => `${read.name} (${read.path}:${read.line})`)
        .join(', ');
      const message = `${undocumented.length} of ${reads.size} variables read by code are not documented: ${listed}${undocumented.length > 5 ? ', …' : ''}`;
      // "Environment variables documented" is true of a project that documents most of them;
      // only a claim of completeness is contradicted by one that is missing.
      return COMPLETE.test(item.text)
        ? { verdict: 'fail', message, evidence: undocumented.slice(0, 10).map(locate) }
        : {
            verdict: 'unknown',
            message: `${message}; the item does not claim every variable is documented`,
            evidence: undocumented.slice(0, 10).map(locate),
          };
    }
    const stale =
      docs.templates.length && !env.dynamic.length ? staleEntries(docs, env.reads, env.mentions) : [];
    const where = docs.templates.filter((path) => inScope(path, ctx.scope)).join(', ') || 'the documentation';
    if (stale.length) {
      const listed = stale
        .slice(0, 5)
        .map((doc) => `${doc.name} (${doc.path}:${doc.line})`)
        .join(', ');
      return {
        verdict: 'unknown',
        message: `all ${reads.size} variables read by code are documented, but ${stale.length} template entries are read nowhere in the code: ${listed}; a library may read them`,
        evidence: stale.slice(0, 10).map((doc) => ({ path: doc.path, line: doc.line })),
      };
    }
    return {
      verdict: 'pass',
      message: `all ${reads.size} variables read by code are documented (${where})`,
      evidence: docs.templates.slice(0, 3).map((path) => ({ path })),
    };
  },
  examples: {
    match: [
      'All env vars documented',
      '`.env.example` up to date',
      'All environment variables documented in README',
      'Environment variables documented in `.env.example`',
      'Documentation of all environment variables',
    ],
    noMatch: [
      'Environment variable validation',
      'All required environment variables set',
      'Environment variables stored securely (not in code)',
      'Configure all environment variables (see `.env.docker.example`)',
      'Copy `.env.production.example` to `.env.production`',
      'Disaster recovery plan documented',
    ],
    verdicts: [
      {
        files: {
          'src/config.ts':
            'export const port = process.env.PORT;\nexport const db = process.env.DATABASE_URL;\n',
          '.env.example': 'PORT=3000\nDATABASE_URL=postgres://localhost/app\n',
        },
        item: '`.env.example` up to date',
        verdict: 'pass',
      },
      {
        files: {
          'src/config.ts':
            'export const port = process.env.PORT;\nexport const db = process.env.DATABASE_URL;\n',
          '.env.example': 'PORT=3000\n',
        },
        item: '`.env.example` up to date',
        verdict: 'fail',
      },
    ],
  },
};

function locate(read: EnvRead) {
  return { path: read.path, line: read.line, excerpt: read.excerpt };
}

function staleEntries(docs: EnvDocs, reads: Map<string, EnvRead[]>, mentions: Map<string, unknown>) {
  return [...docs.documented.entries()].flatMap(([name, found]) => {
    const template = found.find((doc) => doc.kind === 'template');
    if (!template || reads.has(name) || mentions.has(name) || TOOLCHAIN_VARIABLES.test(name)) return [];
    return [{ name, path: template.path, line: template.line }];
  });
}
