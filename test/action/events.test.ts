import { describe, expect, it } from 'vitest';
import { type EventContext, planEvent } from '../../src/action/events.js';
import { examplePayload } from './action-harness.js';

const head = 'a'.repeat(40);
const base = 'b'.repeat(40);

function context(eventName: string, payload: Record<string, unknown>, overrides: Partial<EventContext> = {}) {
  return planEvent({
    eventName,
    payload,
    sha: head,
    ref: 'refs/heads/main',
    gate: 'auto',
    releaseBranches: ['release/**'],
    ...overrides,
  });
}

function pullRequest(action: string, baseRef = 'main', headRepo = 'octo-org/shop') {
  const payload = examplePayload('pull_request', action);
  const pull = payload.pull_request as Record<string, Record<string, unknown>>;
  pull.head = { ...pull.head, sha: head, repo: { full_name: headRepo } };
  pull.base = { ...pull.base, sha: base, ref: baseRef, repo: { full_name: 'octo-org/shop' } };
  return payload;
}

describe('planEvent', () => {
  it.each([
    'opened',
    'synchronize',
    'reopened',
    'ready_for_review',
  ])('evaluates pull_request %s against the base', (action) => {
    expect(context('pull_request', pullRequest(action))).toMatchObject({
      kind: 'evaluate',
      headSha: head,
      baseSha: base,
      mode: 'pr',
      fromFork: false,
      needsHeadCheckout: false,
    });
  });

  it('skips pull request actions that change no code', () => {
    expect(context('pull_request', pullRequest('labeled'))).toMatchObject({ kind: 'skip' });
  });

  it('gates pull requests into release branches in release mode, unless the gate input says otherwise', () => {
    expect(context('pull_request', pullRequest('opened', 'release/2.1'))).toMatchObject({ mode: 'release' });
    expect(context('pull_request', pullRequest('opened', 'release/2.1'), { gate: 'pr' })).toMatchObject({
      mode: 'pr',
    });
  });

  it('marks fork pull requests and makes pull_request_target check out the head', () => {
    expect(context('pull_request', pullRequest('opened', 'main', 'forker/shop'))).toMatchObject({
      fromFork: true,
    });
    expect(context('pull_request_target', pullRequest('opened'))).toMatchObject({ needsHeadCheckout: true });
  });

  it('gates a push to a release branch against the previous head', () => {
    const payload = { ...examplePayload('push'), before: base, after: head };
    expect(context('push', payload, { ref: 'refs/heads/release/1.0' })).toMatchObject({
      kind: 'evaluate',
      headSha: head,
      baseSha: base,
      mode: 'release',
    });
  });

  it('has no base for a push that created the branch, and skips tag pushes', () => {
    const created = { ...examplePayload('push'), before: '0'.repeat(40), after: head };
    expect(context('push', created)).not.toHaveProperty('baseSha');
    expect(context('push', created, { ref: 'refs/tags/v1.0.0' })).toMatchObject({ kind: 'skip' });
  });

  it('runs workflow_dispatch as a release gate on the run’s commit', () => {
    expect(context('workflow_dispatch', examplePayload('workflow_dispatch'))).toMatchObject({
      headSha: head,
      mode: 'release',
    });
  });

  it('publishes merge_group results on the merge group head', () => {
    const payload = examplePayload('merge_group', 'checks_requested');
    const group = payload.merge_group as Record<string, unknown>;
    Object.assign(group, { head_sha: head, base_sha: base, base_ref: 'refs/heads/main' });
    expect(context('merge_group', payload)).toMatchObject({ headSha: head, baseSha: base, mode: 'pr' });
  });

  it('turns a /readiness recheck comment on a pull request into a recheck', () => {
    const payload = examplePayload('issue_comment', 'created');
    (payload.issue as Record<string, unknown>).pull_request = {
      url: 'https://api.github.com/repos/o/r/pulls/3',
    };
    (payload.comment as Record<string, unknown>).body = '/readiness recheck';
    expect(context('issue_comment', payload)).toMatchObject({
      kind: 'recheck',
      author: { login: expect.any(String) },
    });
  });

  it('ignores other comments, comments on issues and edited comments', () => {
    const onIssue = examplePayload('issue_comment', 'created');
    delete (onIssue.issue as Record<string, unknown>).pull_request;
    (onIssue.comment as Record<string, unknown>).body = '/readiness recheck';
    const chatter = examplePayload('issue_comment', 'created');
    (chatter.issue as Record<string, unknown>).pull_request = {};
    const edited = { ...chatter, action: 'edited' };
    for (const payload of [onIssue, chatter, edited])
      expect(context('issue_comment', payload)).toMatchObject({ kind: 'skip' });
  });

  it('says which events it does not support', () => {
    expect(context('schedule', {})).toEqual({
      kind: 'skip',
      reason: 'the schedule event is not supported; see action.yml for the events that are',
    });
  });
});
