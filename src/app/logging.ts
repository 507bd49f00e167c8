// The App's logger: Probot's pino set-up (LOG_LEVEL, LOG_FORMAT, LOG_LEVEL_IN_STRING,
// LOG_MESSAGE_KEY, SENTRY_DSN) with two differences. The default level is info, so "listening on"
// shows without configuration. A delivery whose signature does not match WEBHOOK_SECRET is one
// warning line naming the fix: Probot and @octokit/webhooks would each log it as an error with a
// stack trace, and anyone on the internet can send one.

import { getTransformStream } from '@probot/pino';
import pino, { type Logger } from 'pino';

const BAD_SIGNATURE = /signature does not match event payload and secret/;

export async function createAppLog(
  env: NodeJS.ProcessEnv,
  // pino's stdout stream, as Probot's own logger uses; tests pass a stream they read.
  destination: NodeJS.WritableStream = pino.destination(1) as unknown as NodeJS.WritableStream,
): Promise<Logger> {
  const transform = await getTransformStream({
    logFormat:
      env.LOG_FORMAT === 'json' || (!env.LOG_FORMAT && env.NODE_ENV === 'production') ? 'json' : 'pretty',
    logLevelInString: env.LOG_LEVEL_IN_STRING === 'true',
    ...(env.SENTRY_DSN ? { sentryDsn: env.SENTRY_DSN } : {}),
  });
  transform.pipe(destination);
  return pino(
    {
      level: env.LOG_LEVEL || 'info',
      messageKey: env.LOG_MESSAGE_KEY || 'msg',
      hooks: {
        logMethod(args, method, level) {
          const error = errorIn(args[0]);
          if (level < 50 || !error || !BAD_SIGNATURE.test(error.message)) return method.apply(this, args);
          // The same failure arrives twice: once as the error, once wrapped in an AggregateError.
          if (error instanceof AggregateError) return;
          const event = (error as { event?: { id?: string; name?: string } }).event;
          this.warn(
            `webhook delivery ${event?.id ?? '(no id)'}${event?.name ? ` (${event.name})` : ''} refused: ` +
              'its signature does not match WEBHOOK_SECRET. If real deliveries fail, set WEBHOOK_SECRET ' +
              "to the webhook secret in the App's settings",
          );
        },
      },
    },
    transform,
  );
}

function errorIn(value: unknown): Error | undefined {
  if (value instanceof Error) return value;
  const err = (value as { err?: unknown } | null)?.err;
  return err instanceof Error ? err : undefined;
}
