// A client for tests against the stub: real retry and rate-limit handling, but waits shrunk to
// milliseconds and writes not spaced out, so a test with 60 writes takes milliseconds, not a minute.

import Bottleneck from 'bottleneck';
import { type ClientOptions, createGitHubClient, type GitHubClient } from '../../src/github/client.js';

export function testClient(
  baseUrl: string,
  token = 'ghs_test',
  overrides: Omit<ClientOptions, 'token' | 'baseUrl'> = {},
): GitHubClient {
  const unpaced = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  return createGitHubClient({
    token,
    baseUrl,
    retryAfterBaseValue: 1,
    pacing: { write: unpaced(), notifications: unpaced() },
    ...overrides,
  });
}
