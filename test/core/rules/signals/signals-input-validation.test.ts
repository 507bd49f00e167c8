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

  it('passes on zod schemas', async () => {
    const finding = await judgeOne(
      signalsInputValidation,
      { 'src/cart.ts': "import { z } from 'zod';\nexport const Cart = z.object({ sku: z.string() });\n" },
      'Request validation with Zod schemas',
    );
    expect(finding.verdict).toBe('pass');
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
