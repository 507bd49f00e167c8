import { type WorkflowsEvidence, workflowsCollector } from '../../collectors/workflows.js';
import type { Rule } from '../../rule.js';
import type { Finding } from '../../types.js';
import { lookedAt, ONE_OFF, workflowCount } from './ci-evidence.js';

/** The plain "we have CI" claim: a pipeline, workflows, a named CI system. */
const PIPELINE =
  /\b(?:ci(?:\/cd)? pipelines?|ci(?:\/cd)? (?:set ?up|configured|config(?:uration)?|workflows?)|continuous integration|github actions?(?: workflows?| pipelines?| ci)?|gitlab[- ]ci|jenkins(?:file| pipelines?)|circleci|azure pipelines|travis(?:[- ]ci)?|bitbucket pipelines)\b/i;
/** What CI runs (tests, lint, builds, scans, deploys) is judged by the narrower ci rules. */
const NARROWER =
  /\b(?:tests?|testing|lint\w*|type[- ]?check\w*|typescript|builds?|scan\w*|security|audit|coverage|deploy\w*|release\w*|publish\w*|cach\w*|artifacts?|matrix|reusable|secrets?|badge|dependabot|renovate|codeql|sonar\w*|docker|images?|migrations?)/i;
/** Claims about CI elsewhere, or that the project could be put into a pipeline ("CI/CD ready"). */
const NOT_THE_REPO =
  /\b(?:install(?:ed)?|account|runners?|minutes|billing|self[- ]hosted|ready|readiness|compatible|structured for|integration with|prepared for)\b/i;

/** Named CI systems and the files that configure them; an unnamed claim takes any. */
const SYSTEMS: { name: string; words: RegExp; file: RegExp; where: string }[] = [
  {
    name: 'GitHub Actions',
    words: /github actions?/i,
    file: /^\.github\/workflows\/[^/]+\.ya?ml$/,
    where: '.github/workflows',
  },
  { name: 'GitLab CI', words: /gitlab/i, file: /^\.gitlab-ci\.ya?ml$/, where: '.gitlab-ci.yml' },
  { name: 'Jenkins', words: /jenkins/i, file: /(^|\/)Jenkinsfile$/, where: 'Jenkinsfile' },
  { name: 'CircleCI', words: /circleci/i, file: /^\.circleci\//, where: '.circleci/config.yml' },
  {
    name: 'Azure Pipelines',
    words: /azure pipelines/i,
    file: /^(azure-pipelines\.ya?ml$|\.azure-pipelines\/)/,
    where: 'azure-pipelines.yml',
  },
  { name: 'Travis CI', words: /travis/i, file: /^\.travis\.ya?ml$/, where: '.travis.yml' },
  {
    name: 'Bitbucket Pipelines',
    words: /bitbucket/i,
    file: /^bitbucket-pipelines\.ya?ml$/,
    where: 'bitbucket-pipelines.yml',
  },
];

interface PipelineClaim {
  /** The CI system the item names, or undefined for "a CI pipeline". */
  system?: string;
  /** The item claims an outcome (green, passing, validated) on top of the pipeline existing. */
  outcome: boolean;
}

/** Whether the repository configures CI at all, or the CI system the item names. */
export const ciPipelinePresent: Rule<PipelineClaim> = {
  id: 'ci.pipeline-present',
  title: 'A CI pipeline is configured, in the CI system the item names',
  why: 'A claim that changes go through CI is only true if a pipeline is configured in the repository; a pipeline in another CI system than the one named is not the one the checklist promises.',
  fix: 'Add a pipeline for the CI system the item names (for GitHub Actions, a workflow under .github/workflows), or correct the item.',
  recognises:
    'Items claiming a CI or CI/CD pipeline, continuous integration, GitHub Actions workflows, or a named CI system ' +
    '(GitLab CI, Jenkins, CircleCI, Azure Pipelines, Travis, Bitbucket Pipelines), without saying what it runs: ' +
    'tests, lint, builds, scans and deploys have their own rules. A pipeline "green" or "validated" is decided only ' +
    'when no pipeline exists.',
  needs: [workflowsCollector],
  match(item) {
    const text = item.text;
    if (!PIPELINE.test(text) || NARROWER.test(text) || NOT_THE_REPO.test(text)) return [];
    const named = SYSTEMS.filter((system) => system.words.test(text));
    // "Migrated from Jenkins to GitHub Actions" names two systems: which one is claimed is unclear.
    if (named.length > 1) return [];
    return [{ system: named[0]?.name, outcome: ONE_OFF.test(text) || /\bvalidated\b/i.test(text) }];
  },
  evaluate(claim, ctx) {
    const evidence = ctx.get(workflowsCollector) as WorkflowsEvidence;
    const wanted = claim.system ? SYSTEMS.filter((system) => system.name === claim.system) : SYSTEMS;
    // CI configuration lives at the repository root whatever the checklist's folder; an unnamed
    // claim also takes the CI systems the workflows collector knows but this table does not list.
    const configs = ctx.files.filter(
      (path) =>
        wanted.some((system) => system.file.test(path)) || (!claim.system && evidence.otherCi.includes(path)),
    );
    if (configs.length === 0) return absent(claim, evidence);
    const shown = configs.slice(0, 3);
    const found = `${claim.system ?? 'CI'} is configured: ${shown.join(', ')}${configs.length > 3 ? ` and ${configs.length - 3} more` : ''}`;
    if (claim.outcome) {
      return {
        verdict: 'unknown',
        message: `${found}; whether its runs pass is recorded by the CI system, not the repository`,
        evidence: shown.map((path) => ({ path })),
      };
    }
    return { verdict: 'pass', message: found, evidence: shown.map((path) => ({ path })) };
  },
  examples: {
    match: [
      'CI/CD pipeline configured',
      'GitHub Actions workflows validated (CI + CD)',
      'CI pipeline green',
      'Jenkins pipeline set up',
      'Continuous integration',
    ],
    noMatch: [
      'Tests run in the CI pipeline',
      'CI pipeline builds the Docker image',
      'CI/CD pipelines with reusable workflows',
      'Lint in GitHub Actions',
      'Self-hosted GitHub Actions runners registered',
      'Migrated from Jenkins to GitHub Actions',
      '**CI/CD Ready** - Structured for integration with CI/CD pipelines',
    ],
    verdicts: [
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n',
        },
        item: 'CI/CD pipeline configured',
        verdict: 'pass',
      },
      { files: { 'README.md': '# API\n' }, item: 'CI/CD pipeline configured', verdict: 'fail' },
    ],
  },
};

function absent(claim: PipelineClaim, evidence: WorkflowsEvidence): Finding {
  const system = claim.system ? SYSTEMS.find((s) => s.name === claim.system) : undefined;
  if (system) {
    const other = [...evidence.otherCi, ...evidence.workflows.map((workflow) => workflow.path)][0];
    return {
      verdict: 'fail',
      message: `no ${system.name} configuration (${system.where}) in the repository${other ? `; CI is configured elsewhere (${other}), which is not the system the item names` : ''}`,
      evidence: [{ path: system.where }],
    };
  }
  return {
    verdict: 'fail',
    message: `no CI configuration in the repository: ${workflowCount(evidence)}, and no GitLab, Jenkins, CircleCI, Azure, Travis, Bitbucket or other CI file`,
    evidence: lookedAt(evidence),
  };
}
