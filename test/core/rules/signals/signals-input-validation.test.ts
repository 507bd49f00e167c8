import { describe, expect, it } from 'vitest';
import { signalsInputValidation } from '../../../../src/core/rules/signals/signals-input-validation.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.input-validation', () => {
  it('passes on Bean Validation annotations', async () => {
    const finding = await judgeOne(
      signalsInputValidation,
      {
        'src/main/java/com/example/orders/OrderController.java':
          'package com.example.orders;\n\nimport jakarta.validation.Valid;\n\npublic class OrderController {\n  public Order create(@Valid @RequestBody Order order) { return order; }\n}\n',
      },
      'Request validation with Bean Validation',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('passes on zod schemas that parse request input', async () => {
    const finding = await judgeOne(
      signalsInputValidation,
      {
        'src/cart.ts': "import { z } from 'zod';\nexport const Cart = z.object({ sku: z.string() });\n",
        'src/routes.ts':
          "import { Cart } from './cart';\napp.post('/cart', (req, res) => res.json(Cart.parse(req.body)));\n",
      },
      'Request validation with Zod schemas',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: 'src/routes.ts', line: 2 }] });
  });

  it('is unknown when zod schemas are declared but nothing parses input with them', async () => {
    const finding = await judgeOne(
      signalsInputValidation,
      { 'src/cart.ts': "import { z } from 'zod';\nexport const Cart = z.object({ sku: z.string() });\n" },
      'Request validation with Zod schemas',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toMatch(/^zod is imported at src\/cart\.ts:1 but never applied/);
  });

  it('is unknown when the validation middleware file is imported by nothing', async () => {
    const finding = await judgeOne(
      signalsInputValidation,
      {
        'src/middleware/validate.ts':
          "import { body, validationResult } from 'express-validator';\nexport const validateUser = [body('email').isEmail()];\n",
        'src/app.ts':
          "import express from 'express';\nconst app = express();\napp.post('/users', createUser);\n",
      },
      'Validation middleware on all routes',
    );
    expect(finding.verdict).toBe('unknown');
  });

  it('is unknown when no validation library is found', async () => {
    const finding = await judgeOne(
      signalsInputValidation,
      {
        'src/cart.ts':
          "import express from 'express';\napp.post('/cart', (req, res) => res.json(req.body));\n",
      },
      'Input validation on all endpoints',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('cannot be ruled out');
  });

  it('is unknown when a validator function exists but no library', async () => {
    const finding = await judgeOne(
      signalsInputValidation,
      {
        'src/cart.ts':
          'export function validateCart(body: unknown) {\n  return typeof body === "object";\n}\n',
      },
      '**Input Validation** - Robust validation middleware with sanitization',
    );
    expect(finding.verdict).toBe('unknown');
  });
});
