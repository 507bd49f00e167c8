// How far apart one replica spaces its writes to GitHub, per installation. By default octokit's own
// pacing, which follows GitHub's advice for github.com: a second between writes and three between
// writes that notify people (new comments). WRITE_PACING_MS changes it: 0 for GitHub Enterprise
// Server, whose rate limits are off unless an administrator turns them on, and for the load test
// (scripts/scale), which measures the App rather than GitHub's pacing. Pacing is per process, so N
// replicas write up to N times as often; a secondary rate limit is then waited out once (client.ts).

import Bottleneck from 'bottleneck';
import type { WritePacing } from '../github/client.js';

/** `WRITE_PACING_MS` from the environment; undefined (octokit's default pacing) when unset. */
export function writePacing(value: string | undefined): WritePacing | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(
      `WRITE_PACING_MS must be a whole number of milliseconds (got "${value}"); unset it for GitHub's pacing`,
    );
  }
  // One write at a time per installation either way; comments keep three times the spacing.
  const group = (minTime: number) => new Bottleneck.Group({ maxConcurrent: 1, minTime });
  return { write: group(ms), notifications: group(ms * 3) };
}
