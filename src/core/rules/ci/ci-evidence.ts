// Shared reading of workflow evidence for the ci rules: which steps run where, on which
// triggers, for which folder, and what keeps the repository from deciding.

import type {
  StepKind,
  Workflow,
  WorkflowJob,
  WorkflowStep,
  WorkflowsEvidence,
  WorkflowTrigger,
} from '../../collectors/workflows.js';
import { inScope } from '../../evidence.js';
import { scanFile } from '../../secrets/scanner.js';
import type { EvidenceRef, Finding } from '../../types.js';

export interface StepHit {
  /** Workflow file that holds the step (a called reusable workflow for `uses:` jobs). */
  workflow: Workflow;
  job: WorkflowJob;
  step: WorkflowStep;
  /** Triggers that start the step: the caller's for a reusable workflow. */
  triggers: WorkflowTrigger[];
}

/** Events that run a workflow on every change. */
export const CHANGE_EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group']);
export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** Every step with the triggers that start it, following local reusable workflows one level. */
export function allSteps(evidence: WorkflowsEvidence): StepHit[] {
  const byPath = new Map(evidence.workflows.map((workflow) => [workflow.path, workflow]));
  const hits: StepHit[] = [];
  for (const workflow of evidence.workflows) {
    for (const job of workflow.jobs) {
      for (const step of job.steps) hits.push({ workflow, job, step, triggers: workflow.triggers });
      const called = job.uses?.startsWith('./')
        ? byPath.get(job.uses.slice(2).replace(/@.*$/, ''))
        : undefined;
      if (!called) continue;
      for (const calledJob of called.jobs) {
        for (const step of calledJob.steps) {
          hits.push({ workflow: called, job: calledJob, step, triggers: workflow.triggers });
        }
      }
    }
  }
  return hits;
}

export interface ScopedHits {
  /** Steps pointed at the scope folder (or at a folder holding it). */
  here: StepHit[];
  /** Steps working on the whole repository. */
  repoWide: StepHit[];
  /** Steps pointed only at other folders. */
  elsewhere: StepHit[];
}

export function byScope(hits: StepHit[], scope: string): ScopedHits {
  const scoped: ScopedHits = { here: [], repoWide: [], elsewhere: [] };
  for (const hit of hits) {
    const { targets } = hit.step;
    if (targets.length === 0) scoped.repoWide.push(hit);
    else if (targets.some((target) => inScope(target, scope) || inScope(scope, target)))
      scoped.here.push(hit);
    else scoped.elsewhere.push(hit);
  }
  if (scope === '')
    return { here: [...scoped.here, ...scoped.repoWide, ...scoped.elsewhere], repoWide: [], elsewhere: [] };
  return scoped;
}

/** Steps for the scope: those pointed at it when there are any, else repository-wide ones. */
export function preferScope(hits: StepHit[], scope: string): StepHit[] {
  const scoped = byScope(hits, scope);
  return scoped.here.length ? scoped.here : scoped.repoWide;
}

export function runsOn(hit: StepHit, events: Set<string>): boolean {
  return hit.triggers.some((trigger) => events.has(trigger.event));
}

/** `pull_request, push to main, schedule`. */
export function describeTriggers(triggers: WorkflowTrigger[]): string {
  if (!triggers.length) return 'no trigger';
  return triggers
    .map((trigger) => {
      const filters = [...trigger.branches, ...trigger.tags.map((tag) => `tag ${tag}`)];
      const target = trigger.event === 'push' || trigger.event === 'pull_request' ? ' to ' : ' on ';
      return filters.length ? `${trigger.event}${target}${filters.join(', ')}` : trigger.event;
    })
    .join('; ');
}

export function stepRef(hit: StepHit): EvidenceRef {
  return { path: hit.workflow.path, line: hit.step.line, excerpt: excerpt(hit.step.label) };
}

/** A one-line excerpt of a step, withheld whole when it looks like it holds a credential. */
export function excerpt(label: string): string {
  const single = label.replace(/\s+/g, ' ').trim();
  const scan = scanFile('.github/workflows/step.yml', single);
  if (scan.findings.length || scan.allowed.length)
    return '(step text withheld: it looks like it holds a credential)';
  return single.length > 80 ? `${single.slice(0, 77)}...` : single;
}

/** `ci.yml:20 (npm test)`, for messages. */
export function where(hit: StepHit): string {
  return `${hit.workflow.path}:${hit.step.line} (${excerpt(hit.step.label)})`;
}

/** Distinct hits, at most `limit`, one per workflow first so evidence shows the spread. */
export function sample(hits: StepHit[], limit = 3): StepHit[] {
  const seen = new Set<string>();
  const first = hits.filter((hit) => !seen.has(hit.workflow.path) && seen.add(hit.workflow.path));
  return [...first, ...hits.filter((hit) => !first.includes(hit))].slice(0, limit);
}

export interface Undecidable {
  message: string;
  evidence: EvidenceRef[];
}

/**
 * Why the workflows cannot rule the claim out: a workflow that does not parse, steps that
 * run scripts this tool cannot see into, reusable workflows from other repositories, or
 * another CI system. Undefined when the absence is certain.
 */
export function whyUndecidable(evidence: WorkflowsEvidence, hits: StepHit[]): Undecidable | undefined {
  const broken = evidence.unparsable[0];
  if (broken) {
    return {
      message: `${broken.path} could not be parsed (${broken.error}); fix it so its steps can be read`,
      evidence: [{ path: broken.path }],
    };
  }
  const opaque = hits.filter((hit) => hit.step.opaque);
  if (opaque.length) {
    const shown = sample(opaque, 2);
    return {
      message: `cannot see what ${shown.map(where).join(' and ')} run${shown.length > 1 ? '' : 's'}; name the step or call the tool directly`,
      evidence: shown.map(stepRef),
    };
  }
  const remote = evidence.workflows.flatMap((workflow) =>
    workflow.jobs.filter((job) => job.uses && !job.uses.startsWith('./')).map((job) => ({ workflow, job })),
  );
  const firstRemote = remote[0];
  if (firstRemote) {
    return {
      message: `job ${firstRemote.job.id} in ${firstRemote.workflow.path} calls ${firstRemote.job.uses}, which lives in another repository`,
      evidence: [{ path: firstRemote.workflow.path, line: firstRemote.job.line }],
    };
  }
  const other = evidence.otherCi[0];
  if (other) {
    return {
      message: `CI may be configured in ${other}, which this check does not read`,
      evidence: [{ path: other }],
    };
  }
  return undefined;
}

/** Workflow paths as evidence for "looked here and found nothing". */
export function lookedAt(evidence: WorkflowsEvidence): EvidenceRef[] {
  return evidence.workflows.length
    ? evidence.workflows.slice(0, 5).map((workflow) => ({ path: workflow.path }))
    : [{ path: '.github/workflows' }];
}

export function workflowCount(evidence: WorkflowsEvidence): string {
  const count = evidence.workflows.length;
  return `${count} workflow${count === 1 ? '' : 's'} in .github/workflows`;
}

const KIND_WORDS: Record<StepKind, string> = {
  test: 'runs tests',
  lint: 'runs a linter',
  typecheck: 'type-checks',
  build: 'builds',
  security: 'runs a security scanner',
  deploy: 'deploys or releases',
};

export interface KindClaim {
  kind: StepKind;
  /** Which triggers count: every pull request, or any change (push or pull request). */
  events: Set<string>;
  /** Words for the triggers in messages: `on pull requests`. */
  eventWords: string;
  /** Narrows the steps of the kind (an image build among builds). */
  only?: (step: WorkflowStep) => boolean;
  /** Words for what the narrowed steps do: `builds an image`. */
  what?: string;
}

/**
 * The common judgement of "CI does X": pass with the steps that do it on the right
 * triggers for the scope; fail when the workflows are readable and none does; unknown
 * when something the tool cannot read might.
 */
export function judgeKind(evidence: WorkflowsEvidence, scope: string, claim: KindClaim): Finding {
  const word = claim.what ?? KIND_WORDS[claim.kind];
  const all = allSteps(evidence);
  const ofKind = all.filter((hit) => hit.step.kinds.includes(claim.kind) && (claim.only?.(hit.step) ?? true));
  const relevant = preferScope(ofKind, scope);
  const triggered = relevant.filter((hit) => runsOn(hit, claim.events));
  const scopeWords = scope ? ` for ${scope}` : '';
  if (triggered.length) {
    const shown = sample(triggered);
    const first = shown[0] as StepHit;
    return {
      verdict: 'pass',
      message: `${first.workflow.path} ${word}${scopeWords} on ${describeTriggers(first.triggers)}: ${shown.map(where).join(', ')}`,
      evidence: shown.map(stepRef),
    };
  }
  if (relevant.length) return wrongTriggers(relevant, claim, word);
  const elsewhere = byScope(ofKind, scope).elsewhere;
  if (elsewhere.length) {
    const shown = sample(elsewhere);
    const folders = [...new Set(shown.flatMap((hit) => hit.step.targets))].join(', ');
    return {
      verdict: 'fail',
      message: `CI ${word} only for ${folders} (${shown.map(where).join(', ')}), not for ${scope}`,
      evidence: shown.map(stepRef),
    };
  }
  const undecidable = whyUndecidable(evidence, all);
  if (undecidable) {
    return {
      verdict: 'unknown',
      message: `no workflow step visibly ${word}; ${undecidable.message}`,
      evidence: undecidable.evidence,
    };
  }
  const steps = all.length;
  return {
    verdict: 'fail',
    message: evidence.workflows.length
      ? `none of the ${steps} steps in ${workflowCount(evidence)} ${word}`
      : 'no CI workflows: .github/workflows holds no .yml files and no other CI configuration was found',
    evidence: lookedAt(evidence),
  };
}

function wrongTriggers(hits: StepHit[], claim: KindClaim, word: string): Finding {
  const shown = sample(hits);
  const first = shown[0] as StepHit;
  const triggers = describeTriggers(first.triggers);
  const evidence = [
    ...shown.map(stepRef),
    ...first.triggers.map((t) => ({ path: first.workflow.path, line: t.line })),
  ];
  // A push trigger without branch filters also runs for the branches behind pull requests.
  const pushEverywhere = hits.some((hit) =>
    hit.triggers.some((t) => t.event === 'push' && !t.branches.length && !t.tags.length),
  );
  if (pushEverywhere && claim.events === PULL_REQUEST_EVENTS) {
    return {
      verdict: 'unknown',
      message: `${first.workflow.path} ${word} on push to every branch but has no pull_request trigger, so pull requests from forks are not covered`,
      evidence,
    };
  }
  const manualOnly = hits.every((hit) =>
    hit.triggers.every((t) => !CHANGE_EVENTS.has(t.event) && t.event !== 'schedule'),
  );
  return {
    verdict: manualOnly ? 'unknown' : 'fail',
    message: `${first.workflow.path} ${word} only on ${triggers}, not ${claim.eventWords} (${where(first)})`,
    evidence,
  };
}

// ---- phrasing: what makes an item speak about CI rather than about work done once ----

/** The item places the work in CI: "in CI", "CI/CD", "pipeline", "workflow", "on every PR". */
export const CI_CONTEXT =
  /\b(ci|ci\/cd|continuous integration|pipelines?|workflows?|github actions?|pull requests?|prs?|merge requests?|on every (push|commit|merge|change))\b/i;

/** The item reports an outcome or a one-off act, which no file in the repository records. */
export const ONE_OFF =
  /\b(completed?|performed|done|passe[sd]|passing|green|clean|reviewed|resolved|fixed|addressed|verified|signed[- ]off|no (critical|high|known))\b/i;

export const PULL_REQUEST_WORDS = /\b(pull requests?|prs?|merge requests?)\b/i;
