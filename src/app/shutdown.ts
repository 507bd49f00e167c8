// Graceful shutdown for one replica (SIGTERM from a rolling deploy or a scale-down): stop accepting
// connections, let the deliveries already received finish, and give up after a bound so a replica
// stuck on a GitHub outage still exits. Whatever was abandoned is safe to lose: its delivery either
// got no answer (GitHub lists it as failed; redeliver it) or was answered 202 and the next push,
// recheck or redelivery publishes again; nothing is half-published (the check run is created
// complete, and the sticky comment converges whichever replica writes it next).

import type { AppLog } from './installation.js';

/** Kubernetes waits 30 s between SIGTERM and SIGKILL by default; 25 s leaves room to exit cleanly. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

export interface Drainable {
  /** Stops accepting connections; resolves once the open ones have ended. */
  close(): Promise<void>;
  /** Resolves once no delivery is being worked on. */
  idle(): Promise<void>;
  /** Deliveries still being worked on. */
  readonly busy: number;
}

export interface DrainResult {
  drained: boolean;
  /** Deliveries still running when the bound ran out (0 when drained). */
  abandoned: number;
  ms: number;
}

export async function drain(target: Drainable, timeoutMs: number): Promise<DrainResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const finished = Promise.all([target.close(), target.idle()]).then(() => true as const);
  const drained = await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  return { drained, abandoned: drained ? 0 : target.busy, ms: Math.round(performance.now() - started) };
}

/** SHUTDOWN_TIMEOUT_MS from the environment, in milliseconds; the default when unset. */
export function shutdownTimeoutMs(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(`SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds (got "${value}")`);
  }
  return ms;
}

/** Drains on the first SIGTERM or SIGINT, logs what happened and exits: 0 when drained, 1 when not. */
export function exitGracefullyOnSignal(target: Drainable, timeoutMs: number, log: AppLog): void {
  const shutdown = (signal: string) => {
    log.info(
      `readiness app: ${signal}: no new deliveries; waiting up to ${timeoutMs} ms for ${target.busy} running`,
    );
    void drain(target, timeoutMs).then((result) => {
      if (result.drained) log.info(`readiness app: drained in ${result.ms} ms; exiting`);
      else
        log.warn(
          `readiness app: ${result.abandoned} deliveries still running after ${timeoutMs} ms; exiting without them ` +
            '(redeliver them, or push or comment /readiness recheck, to publish again)',
        );
      process.exit(result.drained ? 0 : 1);
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
