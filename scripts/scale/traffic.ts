// The 600 deliveries of the load test and when each is sent, from a fixed seed so every run sends
// the same traffic: pull requests opened in the first five seconds, pushes (synchronize with a new
// head SHA), title edits, bursts of `/readiness recheck` comments on one pull request, and
// redeliveries of earlier pull request deliveries (same id, same body).

export const DURATION_MS = 60_000;
export const OPENED = 50;
export const SYNCHRONIZE_PER_PULL = 4;
export const EDITED = 50;
export const RECHECK_BURSTS = 8;
export const RECHECKS_PER_BURST = 25;
export const REDELIVERIES = 100;

export type Planned =
  | { kind: 'opened'; at: number; pull: number }
  | { kind: 'synchronize'; at: number; pull: number; revision: number }
  | { kind: 'edited'; at: number; pull: number }
  | { kind: 'recheck'; at: number; pull: number; burst: number }
  | { kind: 'redelivery'; at: number };

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pull request numbers are 1..pulls. Times are milliseconds from the start, sorted. */
export function planTraffic(pulls: number, seed = 16): Planned[] {
  const next = random(seed);
  const between = (from: number, to: number) => Math.round(from + next() * (to - from));
  const plan: Planned[] = [];
  for (let pull = 1; pull <= pulls; pull++) plan.push({ kind: 'opened', at: (pull - 1) * 100, pull });
  for (let pull = 1; pull <= pulls; pull++) {
    const times = Array.from({ length: SYNCHRONIZE_PER_PULL }, () => between(6_000, 56_000)).sort(
      (a, b) => a - b,
    );
    times.forEach((at, index) => {
      plan.push({ kind: 'synchronize', at, pull, revision: index + 1 });
    });
  }
  for (let index = 0; index < EDITED; index++) {
    plan.push({ kind: 'edited', at: between(6_000, 58_000), pull: 1 + Math.floor(next() * pulls) });
  }
  for (let burst = 0; burst < RECHECK_BURSTS; burst++) {
    // A burst: one pull request, 25 comments within a second (a team asking at once, or a bot loop).
    const pull = 1 + Math.floor(next() * pulls);
    const start = 8_000 + burst * 6_000;
    for (let index = 0; index < RECHECKS_PER_BURST; index++) {
      plan.push({
        kind: 'recheck',
        at: start + Math.round((index * 1_000) / RECHECKS_PER_BURST),
        pull,
        burst,
      });
    }
  }
  for (let index = 0; index < REDELIVERIES; index++)
    plan.push({ kind: 'redelivery', at: between(10_000, 59_500) });
  return plan.sort((a, b) => a.at - b.at);
}
