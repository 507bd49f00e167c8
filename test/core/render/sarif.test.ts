import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES_DOC_URI, renderSarif, ruleHelpUri, type SarifLog } from '../../../src/core/render/sarif.js';
import { RULES } from '../../../src/core/rules/index.js';
import { sampleReport } from '../../support/sample-report.js';

const rules = [
  {
    id: 'docker.non-root',
    title: 'Container runs as a non-root user',
    why: 'A root process in a container widens any breach.',
    fix: 'Add USER after the final FROM.',
  },
];

function sarif(): SarifLog {
  return JSON.parse(renderSarif(sampleReport(), { toolVersion: '0.1.0', rules })) as SarifLog;
}

describe('renderSarif', () => {
  it('renders the sample report', async () => {
    await expect(renderSarif(sampleReport(), { toolVersion: '0.1.0', rules })).toMatchFileSnapshot(
      '__snapshots__/sample.sarif.json.snap',
    );
  });

  it('has the fields SARIF 2.1.0 requires', () => {
    const log = sarif();
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run?.tool.driver).toMatchObject({ name: 'readiness', version: '0.1.0' });
    const ruleIds = run?.tool.driver.rules.map((rule) => rule.id) ?? [];
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const result of run?.results ?? []) {
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      for (const location of [...result.locations, ...(result.relatedLocations ?? [])]) {
        expect(location.physicalLocation.artifactLocation.uri).not.toMatch(/^\/|\\/);
        if (location.physicalLocation.region)
          expect(location.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('reports unbacked as error, unmet as warning, inconclusive as note, on the checklist line', () => {
    const results = sarif().runs[0]?.results ?? [];
    expect(
      results.map((r) => [r.ruleId, r.level, r.locations[0]?.physicalLocation.region?.startLine]),
    ).toEqual([
      ['docker.non-root', 'error', 12],
      ['references.path-exists', 'error', 14],
      ['ci.tests-on-pull-request', 'warning', 20],
      ['references.npm-script', 'warning', 6],
      ['coverage.above-threshold', 'note', 21],
    ]);
  });

  it('points related locations at the evidence', () => {
    const [first] = sarif().runs[0]?.results ?? [];
    expect(first?.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: 12 } },
        message: { text: 'FROM node:20-alpine' },
      },
    ]);
  });

  it('links the tool to its home and each rule to its section of docs/rules.md', () => {
    const driver = sarif().runs[0]?.tool.driver;
    const repository = JSON.parse(readFileSync('package.json', 'utf8')).repository.url;
    expect(repository).toBe(`git+${driver?.informationUri}.git`);
    // Every rule of the catalogue has the heading its helpUri points at.
    const headings = new Set(
      [...readFileSync('docs/rules.md', 'utf8').matchAll(/^## (\S+)$/gm)].map((match) => match[1]),
    );
    for (const rule of RULES) {
      expect(headings.has(rule.id)).toBe(true);
      expect(ruleHelpUri(rule.id)).toBe(`${RULES_DOC_URI}#${rule.id.replace(/\./g, '')}`);
    }
  });

  it('describes rules from their metadata, and by id when it has none', () => {
    const driverRules = sarif().runs[0]?.tool.driver.rules ?? [];
    expect(driverRules[0]).toEqual({
      id: 'docker.non-root',
      name: 'docker.non-root',
      helpUri: 'https://github.com/readiness/readiness/blob/main/docs/rules.md#dockernon-root',
      shortDescription: { text: 'Container runs as a non-root user' },
      fullDescription: { text: 'A root process in a container widens any breach.' },
      help: { text: 'Add USER after the final FROM.' },
    });
    expect(driverRules[1]).toEqual({
      id: 'references.path-exists',
      name: 'references.path-exists',
      shortDescription: { text: 'references.path-exists' },
    });
  });
});
