import { describe, expect, it } from 'vitest';
import { signalsStructuredLogging } from '../../../../src/core/rules/signals/signals-structured-logging.js';
import { judgeOne } from '../../../support/rule-harness.js';

describe('signals.structured-logging', () => {
  it("passes on Fastify's built-in pino logger", async () => {
    const finding = await judgeOne(
      signalsStructuredLogging,
      {
        'services/api/src/index.js':
          "import Fastify from 'fastify';\n\nconst app = Fastify({ logger: true });\n",
      },
      'Structured JSON logging',
      { checklistPath: 'services/api/READINESS.md' },
    );
    expect(finding).toMatchObject({
      verdict: 'pass',
      evidence: [{ path: 'services/api/src/index.js', line: 3 }],
    });
  });

  it('passes on zap when the item names zap', async () => {
    const finding = await judgeOne(
      signalsStructuredLogging,
      { 'cmd/server/main.go': 'package main\n\nimport (\n\t"go.uber.org/zap"\n)\n' },
      'Structured logging (zap)',
    );
    expect(finding.verdict).toBe('pass');
  });

  it('is unknown when the item names zap but zerolog is wired in', async () => {
    const finding = await judgeOne(
      signalsStructuredLogging,
      { 'main.go': 'package main\n\nimport "github.com/rs/zerolog/log"\n' },
      'Structured logging (zap)',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('zerolog');
  });

  it('is unknown when only the standard library logger is used (it can be configured for JSON)', async () => {
    const finding = await judgeOne(
      signalsStructuredLogging,
      { 'app/main.py': 'import logging\n\nlog = logging.getLogger(__name__)\n' },
      'Structured logging',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('looked for pino, winston');
  });

  it('is unknown when the scope has no source files', async () => {
    const finding = await judgeOne(signalsStructuredLogging, { 'README.md': '# x\n' }, 'Structured logging');
    expect(finding.verdict).toBe('unknown');
  });
});
