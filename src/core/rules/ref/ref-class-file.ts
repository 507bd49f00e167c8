import { inScope, isNonProductionPath } from '../../evidence.js';
import { baseName } from '../../formats/paths.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { Finding } from '../../types.js';

export interface ClassClaim {
  name: string;
  /** The item says more than that the class exists ("CorrelationIdFilter puts the id in MDC"). */
  qualified: boolean;
}

/** Suffixes that make a CamelCase word a class name rather than a product name ("PagerDuty"). */
const CLASS_NAME =
  /^(?:[A-Z][a-z0-9]+){1,5}(?:Tests?|Spec|Handler|Filter|Service|Controller|Manager|Provider|Repository|Factory|Utils?|Helper|Middleware|Interceptor|Configuration|Config|Client|Adapter|Listener|Validator|Resolver|Guard|Builder|Exception|Advice|Aspect|Scheduler|Worker|Job|Consumer|Producer|Publisher|Subscriber|Mapper|Serializer|Strategy)$/;
/** Kubernetes kinds and products that look like class names. */
const NOT_A_CLASS = new Set([
  'CronJob',
  'ScaledJob',
  'AppService',
  'AlertManager',
  'SecretsManager',
  'SecretManager',
  'CertManager',
  'KeyVaultService',
]);
/** One public class per file, named after it: where a missing file says something. */
const CLASS_FILE = /\.(?:java|kt|kts|scala|groovy|cs|swift|php|dart|ts|tsx|js|py|rb)$/;
/** Words beyond the name (outside parentheses) claim what the class does, which a file cannot show. */
const MAX_QUALIFIER_WORDS = 0;

/**
 * An item that names a class ("JwtUtilTest (JWT generation/validation)", "GlobalExceptionHandler")
 * claims it exists; found as `Name.java` it does. Not found proves nothing: in most languages a
 * class need not have a file of its own, so a missing file is `unknown`, never `unbacked`.
 */
export const refClassFile: Rule<ClassClaim> = {
  id: 'ref.class-file',
  title: 'Classes the item names exist',
  why: 'An item naming a class (a test, a filter, a handler) points reviewers at code; if no such class exists the item describes work that was not done.',
  fix: 'Add the class, or correct its name in the checklist.',
  recognises:
    'An item that starts with a CamelCase class name ending in Test, Handler, Filter, Service, Controller, Config and similar ' +
    '(`JwtUtilTest`, `GlobalExceptionHandler`), with at most a short description; the file named after it is looked up.',
  needs: [],
  match(item) {
    const text = item.text.replace(/\([^()]*\)/g, ' ').replace(/[*_`✅]/g, ' ');
    const words = text.split(/[\s:,-]+/).filter((word) => /[A-Za-z]/.test(word));
    const name = words[0];
    if (!name || !CLASS_NAME.test(name) || NOT_A_CLASS.has(name)) return [];
    return [{ name, qualified: words.length - 1 > MAX_QUALIFIER_WORDS }];
  },
  evaluate(claim, ctx) {
    return classFile(claim, ctx);
  },
  examples: {
    match: [
      'JwtUtilTest (JWT generation/validation)',
      'GlobalExceptionHandler (400/401/403/404/409/500)',
      '`RateLimitFilter` on auth routes',
    ],
    noMatch: [
      'PagerDuty integration',
      'GitHub Actions',
      'Add more service tests (AuthService, RegistrationService)',
      'PostgreSQL',
    ],
    verdicts: [
      {
        files: { 'src/test/java/app/JwtUtilTest.java': 'class JwtUtilTest {}\n' },
        item: 'JwtUtilTest (JWT generation/validation)',
        verdict: 'pass',
      },
      { files: { 'src/app.py': 'print(1)\n' }, item: 'GlobalExceptionHandler', verdict: 'unknown' },
    ],
  },
};

function classFile(claim: ClassClaim, ctx: EvalContext): Finding {
  const files = ctx.files.filter(
    (path) => CLASS_FILE.test(path) && stem(path) === claim.name && !isNonProductionPath(path),
  );
  const found = files.find((path) => inScope(path, ctx.scope)) ?? files[0];
  if (!found) {
    return {
      verdict: 'unknown',
      message: `no file named ${claim.name} (it may be defined inside another file, which is not searched)`,
      evidence: [],
    };
  }
  const where = `${claim.name} at ${found}${files.length > 1 ? ` (and ${files.length - 1} more)` : ''}`;
  return claim.qualified
    ? {
        verdict: 'unknown',
        message: `${where}; what the item says it does is not checked`,
        evidence: [{ path: found }],
      }
    : { verdict: 'pass', message: where, evidence: [{ path: found }] };
}

function stem(path: string): string {
  const base = baseName(path);
  return base.slice(0, base.indexOf('.'));
}
