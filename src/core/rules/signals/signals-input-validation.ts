import { codeSignalsCollector } from '../../collectors/code-signals.js';
import type { Rule } from '../../rule.js';
import { judgeSignal, matchBehaviourClaim, type SignalClaim } from './signals-evidence.js';

const VALIDATION =
  /\b(?:input|request|payload|body|params?|schema) validation\b|\bvalidation (?:middleware|schemas?|layer|on all)\b|\bvalidat\w+ (?:with|using|via) (?:zod|joi|yup|class-validator|ajv|pydantic|marshmallow|bean validation)\b|\b(?:zod|joi|yup|pydantic|marshmallow) (?:schemas?|models?|validation)\b|\bbean validation\b|@Valid\b|输入验证|输入校验|参数校验|请求校验/i;
/** Validation of the environment, licences or external services is not request validation. */
const OTHER_VALIDATION =
  /\b(?:environment|env|config(?:uration)?|licen[cs]e|external|production) (?:variable )?validation\b/i;

export const signalsInputValidation: Rule<SignalClaim> = {
  id: 'signals.input-validation',
  title: 'Request input is validated with a schema library',
  why: 'Unvalidated input is the root of injection bugs and of crashes on malformed requests.',
  fix: 'Validate request bodies and params with a schema (zod, joi, pydantic, go-playground/validator, Ecto changesets, `@Valid`).',
  recognises:
    '"input validation", "request validation", "validation middleware", "Zod schemas", pydantic, Bean Validation/@Valid; ' +
    'not environment or licence validation.',
  needs: [codeSignalsCollector],
  match: (item) => matchBehaviourClaim(item, VALIDATION, OTHER_VALIDATION),
  evaluate: (claim, ctx) => judgeSignal({ signal: 'input-validation', what: 'input validation' }, claim, ctx),
  examples: {
    match: [
      '参数校验',
      'Input validation (Zod schemas)',
      '**Input Validation** - Robust validation middleware with sanitization',
      'Request validation with Bean Validation',
      'Request validation with Zod schemas',
      'Input validation on all endpoints',
    ],
    noMatch: [
      'Environment variable validation',
      'Production environment validation',
      'License validation test successful',
    ],
    verdicts: [
      {
        files: {
          'src/cart.ts': "import { z } from 'zod';\nexport const Cart = z.object({ sku: z.string() });\n",
          'src/routes.ts':
            "import { Cart } from './cart';\napp.post('/cart', (req, res) => res.json(Cart.parse(req.body)));\n",
        },
        item: 'Request validation with Zod schemas',
        verdict: 'pass',
      },
      {
        files: {
          'src/cart.ts': "import { z } from 'zod';\nexport const Cart = z.object({ sku: z.string() });\n",
        },
        item: 'Request validation with Zod schemas',
        verdict: 'unknown',
      },
    ],
  },
};
