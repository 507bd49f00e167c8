// The App talks to GitHub through the same client as the Action (src/github/client.ts: retries on
// 5xx, waits out rate limits), authenticated with an installation token minted with the App's JWT
// and cached until five minutes before it expires (one mint per installation per process and hour,
// whatever the number of deliveries). Probot's own octokit is only used for that token and the slug.

import type { Probot } from 'probot';
import { type ClientOptions, createGitHubClient, type GitHubClient } from '../github/client.js';

/** Client settings the App's caller may tune (tests shrink waits; deployments may raise retries). */
export type ClientTuning = Omit<ClientOptions, 'token' | 'baseUrl' | 'log' | 'throttleId'>;

export interface AppLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Octokit logs every failed request as an error; a 404 is an answer the App expects (no
 * `.github/readiness.yml`, which is most repositories, or a comment someone deleted), and the code
 * that asked decides whether it matters. Logged at warn level, two lines per evaluation would bury
 * the warnings that do matter across an organisation.
 */
function quietNotFound(log: AppLog, message: string): void {
  if (/ - 404 with id /.test(message)) log.debug(message);
  else log.warn(message);
}

/** Tokens live an hour; one with less than this left is replaced before use. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;
const MAX_CACHED_TOKENS = 10_000;

export class Installations {
  private slug?: Promise<string>;
  private readonly tokens = new Map<number, Promise<{ token: string; expiresAt: number }>>();

  constructor(
    private readonly app: Probot,
    private readonly tuning: ClientTuning = {},
    knownSlug?: string,
  ) {
    if (knownSlug) this.slug = Promise.resolve(knownSlug);
  }

  async client(installationId: number, log: AppLog): Promise<GitHubClient> {
    const appOctokit = await this.app.auth();
    const { token } = await this.token(installationId);
    return createGitHubClient({
      ...this.tuning,
      token,
      throttleId: `installation-${installationId}`,
      baseUrl: appOctokit.request.endpoint.DEFAULTS.baseUrl,
      log: { debug: (message) => log.debug(message), warning: (message) => quietNotFound(log, message) },
    });
  }

  /** The login the App's comments carry (`<slug>[bot]`), asked once per process. */
  ownLogin(): Promise<string> {
    this.slug ??= this.app
      .auth()
      .then((octokit) => octokit.rest.apps.getAuthenticated())
      .then(({ data }) => {
        if (!data?.slug) throw new Error('GET /app returned no slug');
        return data.slug;
      })
      .catch((error: unknown) => {
        this.slug = undefined;
        throw error;
      });
    return this.slug.then((slug) => `${slug}[bot]`);
  }

  /**
   * Minted through the App's own octokit, so the request goes to the configured GitHub (GHES
   * included); Probot's auth helper would mint it against api.github.com.
   */
  private token(installationId: number): Promise<{ token: string; expiresAt: number }> {
    const cached = this.tokens.get(installationId);
    if (cached) {
      return cached.then((entry) =>
        entry.expiresAt - Date.now() > TOKEN_MARGIN_MS ? entry : this.mint(installationId),
      );
    }
    return this.mint(installationId);
  }

  private mint(installationId: number): Promise<{ token: string; expiresAt: number }> {
    const minted = this.app
      .auth()
      .then((octokit) => octokit.rest.apps.createInstallationAccessToken({ installation_id: installationId }))
      .then(({ data }) => ({ token: data.token, expiresAt: Date.parse(data.expires_at) }));
    this.tokens.delete(installationId);
    this.tokens.set(installationId, minted);
    minted.catch(() => this.tokens.delete(installationId));
    if (this.tokens.size > MAX_CACHED_TOKENS) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    return minted;
  }
}
