import { describe, expect, it } from 'vitest';
import { ciPipelinePresent } from '../../../../src/core/rules/ci/ci-pipeline-present.js';
import { judgeOne, matches } from '../../../support/rule-harness.js';

const WORKFLOW = `name: CI
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make check
`;
const JENKINSFILE = "pipeline {\n  agent any\n  stages { stage('Check') { steps { sh 'make check' } } }\n}\n";

describe('ci.pipeline-present', () => {
  it('passes a plain CI claim on a workflow, and a named system only on its own files', async () => {
    const github = { '.github/workflows/ci.yml': WORKFLOW, Makefile: 'check:\n\ttrue\n' };
    const plain = await judgeOne(ciPipelinePresent, github, 'CI/CD pipeline configured');
    expect(plain).toMatchObject({ verdict: 'pass', evidence: [{ path: '.github/workflows/ci.yml' }] });
    const named = await judgeOne(ciPipelinePresent, github, 'GitHub Actions workflows');
    expect(named.verdict).toBe('pass');
    // A neighbouring mechanism does not stand in for the named one.
    const jenkins = await judgeOne(ciPipelinePresent, github, 'Jenkins pipeline set up');
    expect(jenkins).toMatchObject({ verdict: 'fail', evidence: [{ path: 'Jenkinsfile' }] });
    expect(jenkins.message).toContain('configured elsewhere (.github/workflows/ci.yml)');
    const onJenkins = await judgeOne(
      ciPipelinePresent,
      { Jenkinsfile: JENKINSFILE },
      'Jenkins pipeline set up',
    );
    expect(onJenkins).toMatchObject({ verdict: 'pass', evidence: [{ path: 'Jenkinsfile' }] });
  });

  it('fails when the repository configures no CI at all, even for an outcome claim', async () => {
    const none = { 'pom.xml': '<project/>\n', 'src/main/java/App.java': 'class App {}\n' };
    const green = await judgeOne(ciPipelinePresent, none, 'CI pipeline green');
    expect(green).toMatchObject({ verdict: 'fail', evidence: [{ path: '.github/workflows' }] });
    const unticked = await judgeOne(ciPipelinePresent, none, 'GitHub Actions workflows validated (CI + CD)', {
      checked: false,
    });
    expect(unticked.verdict).toBe('fail');
  });

  it('leaves outcomes of an existing pipeline to the CI system', async () => {
    const finding = await judgeOne(
      ciPipelinePresent,
      { '.github/workflows/ci.yml': WORKFLOW },
      'CI pipeline green',
    );
    expect(finding.verdict).toBe('unknown');
    expect(finding.message).toContain('whether its runs pass is recorded by the CI system');
  });

  it('counts CI systems it has no table entry for when the claim names none', async () => {
    const finding = await judgeOne(
      ciPipelinePresent,
      { '.buildkite/pipeline.yml': 'steps:\n  - command: make check\n' },
      'Continuous integration',
    );
    expect(finding).toMatchObject({ verdict: 'pass', evidence: [{ path: '.buildkite/pipeline.yml' }] });
  });

  it('leaves what CI runs to the narrower rules', () => {
    expect(matches(ciPipelinePresent, 'Tests run in the CI pipeline')).toBe(false);
    expect(matches(ciPipelinePresent, 'CI pipeline builds and pushes the image')).toBe(false);
    expect(matches(ciPipelinePresent, 'Migrated from Jenkins to GitHub Actions')).toBe(false);
  });
});
