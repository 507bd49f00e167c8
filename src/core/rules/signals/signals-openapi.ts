import { codeSignalsCollector } from '../../collectors/code-signals.js';
import { projectDocsCollector } from '../../collectors/project-docs.js';
import { inScope, isNonProductionPath } from '../../evidence.js';
import type { EvalContext, Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import {
  at,
  docFound,
  docsFor,
  matchClaim,
  namesFileOrCommand,
  ref,
  type SignalClaim,
  wiredInScope,
} from './signals-evidence.js';

const OPENAPI =
  /\bopenapi\b|\bswagger\b|\basyncapi\b|\bAPI (?:documentation|docs|documented|spec(?:ification)?s?)\b/i;
/** AsyncAPI describes message-driven APIs (Kafka, MQTT, WebSocket) as OpenAPI does HTTP ones. */
const ASYNCAPI = /\basyncapi\b/i;
const ASYNCAPI_FILE = /(^|\/)asyncapi[\w.-]*\.(?:ya?ml|json)$/i;
const NAMES_SPEC_FORMAT = /\bopenapi\b|\bswagger\b/i;
/** Documentation rendered from the spec into files ("→ static HTML", "exported to PDF"): a spec is its input only. */
const RENDERED_DOCS =
  /\bstatic\s+(?:html|site|pages?|docs?)\b|\b(?:to|→|->|as|into)\s+(?:static\s+)?(?:html|pdf)\b|\bexport(?:ed)?\s+(?:as|to)\b/i;

export const signalsOpenapi: Rule<SignalClaim> = {
  id: 'signals.openapi',
  title: 'The API is described by an OpenAPI spec, committed or generated from code',
  why: 'Without a spec, clients guess at the contract and breaking changes go unnoticed.',
  fix: 'Commit `openapi.yaml`, or generate it from code (springdoc-openapi, swagger-jsdoc, @nestjs/swagger, drf-spectacular; FastAPI serves one by default).',
  recognises:
    '"OpenAPI", "Swagger", "API documentation/docs/spec"; not items naming the spec file (ref.path-exists checks those) or hosted docs.',
  needs: [projectDocsCollector, codeSignalsCollector],
  match: (item) => (namesFileOrCommand(item) ? [] : matchClaim(item, OPENAPI)),
  evaluate(claim, ctx, item) {
    if (ASYNCAPI.test(claim.claim) && !NAMES_SPEC_FORMAT.test(claim.claim)) return asyncSpecFound(ctx);
    const found = specFound(claim, ctx);
    if (found.verdict !== 'pass' || !RENDERED_DOCS.test(item.text)) return found;
    return {
      ...found,
      verdict: 'unknown',
      message: `${found.message}; the item claims documentation rendered from it (static HTML or PDF), which is not checked`,
    };
  },
  examples: {
    match: [
      'API documentation (OpenAPI/Swagger)',
      '**API Documentation** - OpenAPI/Swagger spec',
      'API documented with OpenAPI',
      'Complete API documentation (OpenAPI spec)',
      'AsyncAPI spec for the order events',
    ],
    noMatch: [
      'API documented in `docs/openapi.yaml`',
      'API documentation hosted (Swagger UI)',
      'API rate limiting',
    ],
    verdicts: [
      {
        files: {
          'openapi.yaml': 'openapi: 3.0.3\ninfo:\n  title: Orders API\n  version: 1.0.0\npaths: {}\n',
        },
        item: 'API documentation (OpenAPI/Swagger)',
        verdict: 'pass',
      },
      { files: { 'README.md': '# API\n' }, item: 'API documentation (OpenAPI/Swagger)', verdict: 'fail' },
      {
        files: {
          'api/asyncapi/asyncapi.yaml': 'asyncapi: 3.0.0\ninfo:\n  title: Order events\n  version: 1.0.0\n',
        },
        item: 'AsyncAPI spec for the order events',
        verdict: 'pass',
      },
      {
        // An OpenAPI spec describes the HTTP API, not the message channels AsyncAPI covers.
        files: {
          'openapi.yaml': 'openapi: 3.0.3\ninfo:\n  title: Orders API\n  version: 1.0.0\npaths: {}\n',
        },
        item: 'AsyncAPI spec for the order events',
        verdict: 'unknown',
      },
    ],
  },
};

/** An AsyncAPI document by its conventional name; generated ones are not recognised, so absence is unknown. */
function asyncSpecFound(ctx: EvalContext): Finding {
  const production = (path: string) =>
    !isNonProductionPath(path) || (ctx.scope !== '' && inScope(path, ctx.scope));
  const specs = ctx.files.filter((path) => ASYNCAPI_FILE.test(path) && production(path));
  const spec = specs.find((path) => inScope(path, ctx.scope)) ?? specs[0];
  if (spec) return { verdict: 'pass', message: `AsyncAPI document ${spec}`, evidence: [{ path: spec }] };
  return {
    verdict: 'unknown',
    message:
      'no asyncapi*.yaml/json document in the project; one may be generated from code or kept elsewhere',
    evidence: [],
  };
}

function specFound(claim: SignalClaim, ctx: EvalContext): Finding {
  const specs = docsFor(ctx.get(projectDocsCollector).openapiSpecs, ctx);
  if (specs.length) return docFound('OpenAPI spec', specs);
  const generated = wiredInScope(ctx.get(codeSignalsCollector), 'openapi', ctx.scope)[0];
  if (generated) {
    return {
      verdict: 'pass',
      message: `OpenAPI generated from code: ${generated.library} at ${at(generated)}`,
      evidence: [ref(generated)],
    };
  }
  const declared = ctx.get(codeSignalsCollector).declared.find((dep) => dep.signal === 'openapi');
  if (declared) {
    return {
      verdict: 'unknown',
      message: `no spec file; ${declared.name} is declared at ${at(declared)} but not imported, so whether a spec is generated is unclear`,
      evidence: [ref(declared)],
    };
  }
  const message = `no OpenAPI/Swagger spec${ctx.scope ? ` in ${ctx.scope}/` : ''} (looked for openapi*/swagger* files, specs under api/, docs/, spec/, and generators such as springdoc, swagger-jsdoc, FastAPI)`;
  return NAMES_SPEC_FORMAT.test(claim.claim)
    ? { verdict: 'fail', message, evidence: [] }
    : { verdict: 'unknown', message: `${message}; the API may be documented in prose`, evidence: [] };
}
