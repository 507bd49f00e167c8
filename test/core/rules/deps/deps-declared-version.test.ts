import { describe, expect, it } from 'vitest';
import { depsDeclaredVersion } from '../../../../src/core/rules/deps/deps-declared-version.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';

const GO_MOD = `module app

go 1.26

require (
	github.com/stretchr/testify v1.11.1
	go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc v1.38.0
	github.com/cilium/ebpf v0.20.0
)
`;

describe('deps.declared-version', () => {
  it('passes a later release of the same line, by package, last segments or a distinctive segment', async () => {
    const files = { 'go.mod': GO_MOD };
    for (const [item, line] of [
      ['testify v1.9.0', 6],
      ['Go 1.25.3', 3],
      ['Cilium eBPF v0.20.0 (最新)', 8],
      ['OTLP v1.38.0', 7],
    ] as const)
      expect(await judgeOne(depsDeclaredVersion, files, item), item).toMatchObject({
        verdict: 'pass',
        evidence: [{ path: 'go.mod', line }],
      });
  });

  it('leaves an older or another major version, and an undeclared name, undecided', async () => {
    const files = { 'go.mod': GO_MOD };
    expect((await judgeOne(depsDeclaredVersion, files, 'testify v1.12.0')).verdict).toBe('unknown');
    expect((await judgeOne(depsDeclaredVersion, files, 'testify v2.0.0')).verdict).toBe('unknown');
    expect((await judgeOne(depsDeclaredVersion, files, 'Wire v0.6.0')).verdict).toBe('unknown');
    // "14+" accepts any later major version.
    const compose = { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n' };
    expect((await judgeOne(depsDeclaredVersion, compose, 'PostgreSQL 14+')).verdict).toBe('pass');
    expect((await judgeOne(depsDeclaredVersion, compose, 'PostgreSQL 14.2')).verdict).toBe('unknown');
  });

  it('does not speak for example copies', async () => {
    const files = { 'examples/demo/go.mod': GO_MOD };
    expect((await judgeOne(depsDeclaredVersion, files, 'testify v1.9.0')).verdict).toBe('unknown');
  });

  it('reads only items that are a name and a version', () => {
    for (const text of ['Node 20', 'Phase 2.1 (done)', 'Upgrade to Go 1.22 before release', 'Top 10 risks'])
      expect(matches(depsDeclaredVersion, text), text).toBe(false);
  });
});
