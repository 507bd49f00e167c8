import { envDocsCollector } from '../../collectors/env-docs.js';
import { type EnvLocation, type EnvRead, envReadsCollector } from '../../collectors/env-reads.js';
import { paasCollector } from '../../collectors/paas.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import { extractEnvVars } from '../../extract/env-vars.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { ChecklistItem, EvidenceRef, Finding } from '../../types.js';

/** Variables read by runtimes and toolchains rather than by the application's own code. */
export const TOOLCHAIN_VARIABLES =
  /^(MIX_ENV|NODE_ENV|NODE_OPTIONS|RAILS_ENV|RACK_ENV|FLASK_ENV|FLASK_APP|DJANGO_SETTINGS_MODULE|PYTHON\w*|GO\w*|CGO_ENABLED|JAVA_OPTS|JAVA_TOOL_OPTIONS|SPRING_\w+|ASPNETCORE_\w+|RUST_LOG|RUST_BACKTRACE|ERL_\w+|ELIXIR_\w+|RELEASE_\w+|PHX_SERVER|PHX_HOST|TZ|LANG|LC_\w+|PATH|HOME|USER|PWD|HOSTNAME|SHELL|TERM|CI|DEBUG|npm_\w+|GITHUB_\w+|RUNNER_\w+|VERCEL_\w+|NEXT_RUNTIME|KUBERNETES_\w+)$/;

/** Wording that claims a value is set in an environment, not that the code uses the variable. */
const SETS_A_VALUE =
  /\b(?:set|configured|generated|rotated|strong|changed|updated|provided|populated|random|secure|added to)\b|\b(?:with|uses?|over|requires?|enforc\w*)\s+(?:ssl|tls|https|sslmode)\b|\bpoints?\s+(?:to|at)\b/i;

export const envVarUsed: Rule<string> = {
  id: 'env.var-used',
  title: 'Environment variables the item names are read by the code',
  why: 'A checklist that tells operators to set a variable the code no longer reads (or never read) wastes their time and hides the setting that does matter.',
  fix: 'Remove or rename the variable in the checklist, or read it in the code where the configuration is loaded.',
  recognises:
    'Variable names in code spans (`DISCORD_BOT_TOKEN`, `LOG_LEVEL=info`, `PORT=4000`) and ALL_CAPS_WITH_UNDERSCORES ' +
    'names in prose about environment configuration. Placeholders (`CHANGE_THIS_*`) and shell commands are not names.',
  needs: [envReadsCollector, envDocsCollector, paasCollector],
  match: (item) => extractEnvVars(item),
  evaluate(name, ctx, item) {
    const deployed =
      SETS_A_VALUE.test(item.text) || TOOLCHAIN_VARIABLES.test(name)
        ? setOnPlatform(name, ctx, item)
        : undefined;
    if (deployed) return deployed;
    const env = ctx.get(envReadsCollector);
    const reads = preferScope(env.reads.get(name) ?? [], ctx.scope);
    if (reads.length) {
      const first = reads[0] as EnvRead;
      const how =
        first.kind === 'code'
          ? 'read by code'
          : first.kind === 'script'
            ? 'read by a script'
            : 'used in configuration';
      const more =
        reads.length > 1 ? ` (and ${reads.length - 1} more place${reads.length > 2 ? 's' : ''})` : '';
      const found = `${name} is ${how} at ${first.path}:${first.line}${more}`;
      // "JWT_SECRET set (256+ bit random)" claims a value where the software runs: the code
      // reading the variable is a precondition, not the claim.
      return SETS_A_VALUE.test(item.text)
        ? {
            verdict: 'unknown',
            message: `${found}; whether it is set (and to what) where the software runs is outside the repository`,
            evidence: reads.slice(0, 3).map(ref),
          }
        : { verdict: 'pass', message: found, evidence: reads.slice(0, 3).map(ref) };
    }
    const mention = env.mentions.get(name);
    if (mention) {
      return {
        verdict: 'pass',
        message: `${name} is named in code at ${mention.path}:${mention.line}`,
        evidence: [ref(mention)],
      };
    }
    const scanned = Object.entries(env.scanned).filter(
      ([language]) => !/compose|dockerfile|shell|config|prisma/.test(language),
    );
    const files = scanned.reduce((sum, [, count]) => sum + count, 0);
    const documented = ctx.get(envDocsCollector).documented.get(name) ?? [];
    if (TOOLCHAIN_VARIABLES.test(name)) {
      return {
        verdict: 'unknown',
        message: `${name} is read by the runtime or toolchain, not by application code; the repository cannot show it is set`,
        evidence: documented.slice(0, 1).map(ref),
      };
    }
    if (!files) {
      return {
        verdict: 'unknown',
        message: `no application source files were found to look for reads of ${name}`,
        evidence: [],
      };
    }
    const dynamic = env.dynamic.find((at) => inScope(at.path, ctx.scope)) ?? env.dynamic[0];
    if (dynamic) {
      return {
        verdict: 'unknown',
        message: `${name} is not read by name, but ${dynamic.path}:${dynamic.line} reads variables by a computed name or as a whole, which may include it`,
        evidence: [ref(dynamic)],
      };
    }
    const codeReads = [...env.reads.values()].flat().filter((read) => read.kind === 'code');
    if (!codeReads.length) {
      return {
        verdict: 'unknown',
        message: `no environment reads were recognised in ${files} source files, so the absence of ${name} proves nothing`,
        evidence: [],
      };
    }
    const languages = scanned.map(([language, count]) => `${count} ${language}`).join(', ');
    const elsewhere = codeReads.slice(0, 2).map(ref);
    const docNote = documented[0] ? `; it is documented at ${documented[0].path}:${documented[0].line}` : '';
    return {
      verdict: 'fail',
      message: `${name} is not read anywhere: ${files} source files (${languages}) read ${new Set(codeReads.map((r) => r.name)).size} other variables, e.g. at ${elsewhere[0]?.path}:${elsewhere[0]?.line}${docNote}`,
      evidence: [...documented.slice(0, 1).map(ref), ...elsewhere],
    };
  },
  examples: {
    match: [
      '`DISCORD_BOT_TOKEN` - Valid Discord bot token',
      '`MIX_ENV=prod` - Production environment',
      '`LOG_LEVEL=info` - Appropriate logging level',
      '`PORT=4000` - Web server port',
      'Set DATABASE_URL and REDIS_URL environment variables',
      'JWT secret configured via `JWT_SECRET`',
    ],
    noMatch: [
      'All `CHANGE_THIS_*` values updated',
      'Test API call successful: `curl -H "Authorization: Bearer $MAP_API_KEY" "$MAP_URL/api/maps/$MAP_NAME/systems"`',
      'Node environment set to `production`',
      'All required environment variables set',
      'Health endpoint responding: `GET /api/health`',
      'HTTPS used for all external communications',
    ],
    verdicts: [
      {
        files: { 'src/config.ts': 'export const logLevel = process.env.LOG_LEVEL ?? "info";\n' },
        item: '`LOG_LEVEL=info` - Appropriate logging level',
        verdict: 'pass',
      },
      {
        files: { 'src/config.ts': 'export const port = process.env.PORT;\n' },
        item: '`LOG_LEVEL=info` - Appropriate logging level',
        verdict: 'fail',
      },
    ],
  },
};

/** Values that stand for "fill this in", not a setting. */
const PLACEHOLDER =
  /^(?:|changeme|change[-_ ]?me|change[-_ ]this.*|todo|tbd|xxx+|placeholder|replace[-_ ]?me|your[-_].*|<.*>|\$\{.*\}|\.\.\.)$/i;
/** Names whose literal value in a committed file is a leaked secret, not a secret that is set. */
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|DSN|_KEY$/;

/**
 * "RACK_ENV=production configured": the variable set (to the value the item names) in a committed
 * PaaS deployment file (render.yaml envVars, fly.toml [env], app.json env) is the repository
 * showing it is set where the software runs. Undefined when no such file sets it, so the other
 * evidence decides.
 */
function setOnPlatform(name: string, ctx: EvalContext, item: ChecklistItem): Finding | undefined {
  const claimed = claimedValue(name, item);
  const settings = ctx
    .get(paasCollector)
    .configs.filter(
      (config) => !isNonProductionPath(config.path) || (ctx.scope !== '' && inScope(config.path, ctx.scope)),
    )
    .flatMap((config) => config.env.filter((env) => env.name === name).map((env) => ({ config, env })));
  const scoped = settings.filter(({ config }) => inScope(config.path, ctx.scope));
  const found = (scoped.length ? scoped : settings)[0];
  if (!found) return undefined;
  const { config, env } = found;
  const where = `${config.path}:${env.line}`;
  const evidence = [{ path: config.path, line: env.line, excerpt: name }];
  if (env.how === 'generated' || env.how === 'linked') {
    if (claimed !== undefined) return undefined;
    const how = env.how === 'generated' ? 'generated by the platform' : 'taken from another service';
    return { verdict: 'pass', message: `${name} is set in ${where}, its value ${how}`, evidence };
  }
  if (env.how === 'dashboard' || env.value === undefined || PLACEHOLDER.test(env.value.trim())) {
    return {
      verdict: 'unknown',
      message: `${name} is declared at ${where} without a real value (${env.how === 'dashboard' ? 'left to the platform' : 'a placeholder'}); what it is set to where the software runs is outside the repository`,
      evidence,
    };
  }
  if (SECRET_NAME.test(name)) return undefined;
  if (claimed !== undefined && claimed.toLowerCase() !== env.value.trim().toLowerCase()) {
    return {
      verdict: 'unknown',
      message: `${where} sets ${name} to "${env.value.slice(0, 40)}", not "${claimed}"; another environment may set it as claimed`,
      evidence,
    };
  }
  return { verdict: 'pass', message: `${name} is set to "${env.value.slice(0, 40)}" at ${where}`, evidence };
}

/** The value the item gives the variable (`RACK_ENV=production`, `LOG_LEVEL: info`), if any. */
function claimedValue(name: string, item: ChecklistItem): string | undefined {
  for (const text of [...item.codeSpans, item.text]) {
    const match = new RegExp(`\\b${name}\\s*[=:]\\s*["']?([\\w.:/-]+)`).exec(text);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function preferScope(reads: EnvRead[], scope: string): EnvRead[] {
  const inside = reads.filter((read) => inScope(read.path, scope));
  return inside.length ? inside : reads;
}

function ref(at: EnvLocation): EvidenceRef {
  return { path: at.path, line: at.line, excerpt: at.excerpt };
}
