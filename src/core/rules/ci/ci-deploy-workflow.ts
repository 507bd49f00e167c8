import type { WorkflowJob } from '../../collectors/workflows.js';
import { workflowsCollector } from '../../collectors/workflows.js';
import { claimText, type Rule } from '../../rule.js';
import {
  allSteps,
  byScope,
  describeTriggers,
  lookedAt,
  ONE_OFF,
  type StepHit,
  sample,
  stepRef,
  where,
  whyUndecidable,
  workflowCount,
} from './ci-evidence.js';

const DEPLOY_AUTOMATION =
  /\b(deploy(ment)?s? automation|automated (deploy(ment)?s?|releases?|release process)|auto[- ]deploy(s|ment)?|continuous (deployment|delivery)|cd pipeline|deploy(ment)? (pipeline|workflow)s?|release (workflow|automation|pipeline)s?)\b/i;
const DEPLOY_VIA_CI =
  /\bdeploy(s|ed|ment)?\b.*\b(github actions?|ci\/cd|workflows?)\b|\b(github actions?|ci\/cd|workflows?)\b.*\bdeploy/i;
/**
 * Items about deploy scripts, runbooks or strategies: a script is not automation that
 * runs by itself (the references rules check that named scripts exist).
 */
const NOT_THIS_CLAIM =
  /\bscripts?\b|\brunbooks?\b|\bblue[- ]green\b|\bcanary\b|\bzero[- ]downtime\b|\bstrategy\b|\bscheduler\b|\btested\b/i;
/** Files of platforms that deploy from a git push without any workflow. */
const PLATFORM_CONFIG =
  /^(vercel\.json|netlify\.toml|fly\.toml|render\.yaml|railway\.(json|toml)|app\.yaml|Procfile|\.platform\.app\.yaml|amplify\.yml|skaffold\.yaml|serverless\.ya?ml|argocd\/.*|\.argocd.*)$/;
const DEPLOY_SCRIPT = /(^|\/)deploy[^/]*\.(sh|bash|ps1|py|js|mjs|ts)$|(^|\/)bin\/deploy$/i;
const DEPLOY_JOB_NAME = /\bdeploy/i;
/** Environments that receive deployments; jobs also use environments like `ci` just to read secrets. */
const DEPLOY_ENVIRONMENT = /prod|staging|stage|preview|live|pages|release|deploy/i;

export const ciDeployWorkflow: Rule<undefined> = {
  id: 'ci.deploy-workflow',
  title: 'A workflow deploys or releases',
  why: 'Manual deployments drift from what was reviewed and depend on whoever holds the credentials; a workflow deploys the same way every time.',
  fix: 'Add a workflow under .github/workflows that deploys or publishes on push to the main branch, on tags or on release (kubectl/helm, a cloud deploy action, `npm publish`, a GitHub release), using an `environment:` for approvals.',
  recognises:
    'Items about deployment or release automation, continuous deployment, or deploy/release pipelines and workflows; not deploy scripts, runbooks, deployment strategies (blue-green, canary) or tests of a deployment.',
  needs: [workflowsCollector],
  match(item) {
    const text = claimText(item);
    if (NOT_THIS_CLAIM.test(text) || ONE_OFF.test(text)) return [];
    return DEPLOY_AUTOMATION.test(text) || DEPLOY_VIA_CI.test(text) ? [undefined] : [];
  },
  evaluate(_params, ctx) {
    const evidence = ctx.get(workflowsCollector);
    const all = allSteps(evidence);
    const deploySteps = all.filter((hit) => hit.step.kinds.includes('deploy'));
    // A deploy job whose steps this tool cannot name still deploys; its last step is where it does.
    const deployJobs = all.filter(
      (hit) =>
        isDeployJob(hit.job) &&
        hit.step === hit.job.steps.at(-1) &&
        !deploySteps.some((known) => known.job === hit.job),
    );
    const deploying = [...deploySteps, ...deployJobs];
    const scoped = byScope(deploying, ctx.scope);
    const relevant = scoped.here.length ? scoped.here : scoped.repoWide;
    if (relevant.length) {
      const shown = sample(relevant);
      const first = shown[0] as StepHit;
      const environment = first.job.environment ? `, environment ${first.job.environment}` : '';
      return {
        verdict: 'pass',
        message: `${first.workflow.path} deploys (job ${first.job.id}${environment}) on ${describeTriggers(first.triggers)}: ${shown.map(where).join(', ')}`,
        evidence: shown.map(stepRef),
      };
    }
    if (scoped.elsewhere.length) {
      const first = scoped.elsewhere[0] as StepHit;
      return {
        verdict: 'unknown',
        message: `workflows deploy ${first.step.targets.join(', ')} (${where(first)}), none points at ${ctx.scope}; a shared pipeline may deploy it too`,
        evidence: [stepRef(first)],
      };
    }
    const undecidable = whyUndecidable(evidence, all);
    if (undecidable) {
      return {
        verdict: 'unknown',
        message: `no workflow visibly deploys; ${undecidable.message}`,
        evidence: undecidable.evidence,
      };
    }
    const platform = ctx.files.find((path) => PLATFORM_CONFIG.test(path));
    const script = ctx.files.find((path) => DEPLOY_SCRIPT.test(path));
    const other = platform ?? script;
    if (other) {
      return {
        verdict: 'unknown',
        message: platform
          ? `no workflow deploys, but ${platform} suggests a platform that may deploy on git push; its settings decide`
          : `no workflow deploys; ${script} exists but nothing in CI runs it, so deployment is likely manual`,
        evidence: [{ path: other }],
      };
    }
    return {
      verdict: 'fail',
      message: evidence.workflows.length
        ? `none of the ${workflowCount(evidence)} deploys or releases (no deploy, publish or release step, no job with an environment)`
        : 'no deployment automation: .github/workflows holds no workflows and no other CI or platform configuration was found',
      evidence: lookedAt(evidence),
    };
  },
  examples: {
    match: [
      'Deployment automation',
      'Automated deployment via GitHub Actions on merge to main',
      '**Continuous Deployment** - pushes to main deploy to staging',
      'Release workflow publishes the package to npm',
    ],
    noMatch: [
      'Deployment Scripts - Automated deployment with health checks',
      'CI/CD Ready - Structured for integration with CI/CD pipelines',
      'Blue-green deployment setup',
      'Zero-downtime deployment tested',
      'Deployment runbooks',
      'Deployment Build Scheduler - Daily at 2 AM UTC (`deployment-build-scheduler.ts`)',
      '**DevOps Team**: Deployment pipeline verified',
      'Deployment strategy chosen',
    ],
    verdicts: [
      {
        files: {
          '.github/workflows/deploy.yml':
            'name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: flyctl deploy --remote-only\n',
        },
        item: 'Automated deployment via GitHub Actions on merge to main',
        verdict: 'pass',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'name: ci\non:\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx vitest run\n',
        },
        item: 'Automated deployment via GitHub Actions on merge to main',
        verdict: 'fail',
      },
    ],
  },
};

function isDeployJob(job: WorkflowJob): boolean {
  return (
    DEPLOY_ENVIRONMENT.test(job.environment ?? '') || DEPLOY_JOB_NAME.test(`${job.id} ${job.name ?? ''}`)
  );
}
