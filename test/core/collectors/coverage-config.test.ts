import { describe, expect, it } from 'vitest';
import { coverageConfig, thresholdsIn } from '../../../src/core/collectors/coverage-config.js';
import { DEFAULT_CONFIG } from '../../../src/core/config.js';
import { collectEvidence, createRepoView } from '../../../src/core/evidence.js';
import { MemoryRepo } from '../../support/memory-repo.js';

const brief = (found: ReturnType<typeof thresholdsIn>) =>
  found.map((t) => [t.tool, t.metric, t.value, t.line]);

describe('thresholdsIn', () => {
  it('reads vitest coverage.thresholds', () => {
    const config = `import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      thresholds: {
        lines: 80,
        branches: 70.5,
      },
    },
  },
});
`;
    expect(brief(thresholdsIn('vitest.config.ts', config))).toEqual([
      ['vitest', 'lines', 80, 8],
      ['vitest', 'branches', 70.5, 9],
    ]);
  });

  it('reads vitest `100: true` as every metric at 100', () => {
    const found = thresholdsIn(
      'vite.config.mts',
      'export default { test: { coverage: { thresholds: { 100: true } } } };',
    );
    expect(found.map((t) => t.value)).toEqual([100, 100, 100, 100]);
  });

  it('ignores metric-like keys outside the coverage block', () => {
    expect(thresholdsIn('vitest.config.ts', 'export default { test: { lines: 80 } };')).toEqual([]);
  });

  it('reads jest coverageThreshold in jest.config and package.json', () => {
    const jest = `module.exports = {\n  coverageThreshold: {\n    global: { branches: 50, lines: 90 },\n  },\n};\n`;
    expect(brief(thresholdsIn('jest.config.js', jest))).toEqual([
      ['jest', 'branches', 50, 3],
      ['jest', 'lines', 90, 3],
    ]);
    const pkg = `{\n  "jest": {\n    "coverageThreshold": {\n      "global": {\n        "lines": 85\n      }\n    }\n  }\n}\n`;
    expect(brief(thresholdsIn('package.json', pkg))).toEqual([['jest', 'lines', 85, 5]]);
  });

  it('skips jest negative thresholds (a count of uncovered lines, not a percent)', () => {
    expect(
      thresholdsIn('jest.config.js', 'module.exports = { coverageThreshold: { global: { lines: -10 } } };'),
    ).toEqual([]);
  });

  it('reads nyc settings only when check-coverage is on', () => {
    expect(brief(thresholdsIn('.nycrc', '{\n  "check-coverage": true,\n  "lines": 75\n}\n'))).toEqual([
      ['nyc', 'lines', 75, 3],
    ]);
    expect(thresholdsIn('.nycrc', '{\n  "lines": 75\n}\n')).toEqual([]);
    const pkg = '{\n  "c8": {\n    "check-coverage": true,\n    "branches": 60\n  }\n}\n';
    expect(brief(thresholdsIn('package.json', pkg))).toEqual([['c8', 'branches', 60, 4]]);
  });

  it('reads coverage.py fail_under in its config files', () => {
    expect(brief(thresholdsIn('.coveragerc', '[run]\nbranch = True\n\n[report]\nfail_under = 85\n'))).toEqual(
      [['coverage.py', 'total', 85, 5]],
    );
    expect(brief(thresholdsIn('pyproject.toml', '[tool.coverage.report]\nfail_under = 92.5\n'))).toEqual([
      ['coverage.py', 'total', 92.5, 2],
    ]);
  });

  it('reads command-line thresholds in workflows and Makefiles', () => {
    const workflow = `jobs:
  test:
    steps:
      - run: pytest --cov=app --cov-fail-under=80
      - run: npx vitest run --coverage --coverage.thresholds.lines=70
      - run: npx nyc --check-coverage --lines 65 mocha
`;
    expect(brief(thresholdsIn('.github/workflows/ci.yml', workflow))).toEqual([
      ['pytest-cov', 'total', 80, 4],
      ['vitest', 'lines', 70, 5],
      ['nyc', 'lines', 65, 6],
    ]);
  });

  it('reads a Go coverage gate in a workflow script', () => {
    const workflow = `      - run: |
          go test -coverprofile=coverage.out ./...
          total=$(go tool cover -func=coverage.out | grep total | awk '{print substr($3, 1, length($3)-1)}')
          if (( $(echo "$total < 75" | bc -l) )); then exit 1; fi
`;
    expect(brief(thresholdsIn('.github/workflows/go.yml', workflow))).toEqual([['go', 'total', 75, 4]]);
  });

  it('reads Codecov targets and JaCoCo minimums', () => {
    const codecov = 'coverage:\n  status:\n    project:\n      default:\n        target: 80%\n';
    expect(brief(thresholdsIn('codecov.yml', codecov))).toEqual([['codecov', 'total', 80, 5]]);
    const pom = `<plugin><artifactId>jacoco-maven-plugin</artifactId>
<rule><limits><limit>
  <counter>LINE</counter>
  <value>COVEREDRATIO</value>
  <minimum>0.80</minimum>
</limit></limits></rule></plugin>`;
    expect(brief(thresholdsIn('pom.xml', pom))).toEqual([['jacoco', 'lines', 80, 5]]);
  });
});

describe('coverage-config collector', () => {
  it('reads tracked config files and skips fixtures', async () => {
    const repo = new MemoryRepo({
      'vitest.config.ts': 'export default { test: { coverage: { thresholds: { lines: 80 } } } };',
      'test/fixtures/vitest.config.ts':
        'export default { test: { coverage: { thresholds: { lines: 10 } } } };',
      'src/index.ts': 'const coverage = { lines: 5 };',
    });
    const result = await collectEvidence(coverageConfig, await createRepoView(repo), DEFAULT_CONFIG);
    expect(result.searched).toEqual(['vitest.config.ts']);
    expect(result.thresholds).toEqual([
      {
        path: 'vitest.config.ts',
        line: 1,
        excerpt: 'export default { test: { coverage: { thresholds: { lines: 80 } } } };',
        tool: 'vitest',
        metric: 'lines',
        value: 80,
      },
    ]);
  });
});
