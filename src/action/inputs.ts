// The action's inputs (action.yml), parsed once with zod so a typo fails the run with the
// input's name and the accepted values instead of silently falling back to a default.

import { z } from 'zod';
import { STATUSES, type Status } from '../core/types.js';

const list = z.string().transform((text) =>
  text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean),
);

const booleanText = z
  .string()
  .transform((text) => text.trim().toLowerCase())
  .pipe(z.enum(['true', 'false'], { message: 'expected true or false' }))
  .transform((text) => text === 'true');

const positiveSeconds = z.string().transform((text, context) => {
  const value = Number(text.trim());
  if (!Number.isFinite(value) || value <= 0) {
    context.addIssue({
      code: 'custom',
      message: `expected a number of seconds above 0, such as 30; got "${text}"`,
    });
    return z.NEVER;
  }
  return value;
});

export type FailOn = { kind: 'gate' } | { kind: 'never' } | { kind: 'statuses'; statuses: Status[] };

const failOn = z.string().transform((text, context): FailOn => {
  const value = text.trim();
  if (value === '' || value === 'gate') return { kind: 'gate' };
  if (value === 'never') return { kind: 'never' };
  const statuses = value.split(',').map((entry) => entry.trim());
  const unknown = statuses.filter((status) => !(STATUSES as readonly string[]).includes(status));
  if (unknown.length > 0) {
    context.addIssue({
      code: 'custom',
      message: `unknown status ${unknown.join(', ')}; use gate, never, or a list of ${STATUSES.join(', ')}`,
    });
    return z.NEVER;
  }
  return { kind: 'statuses', statuses: statuses as Status[] };
});

const inputsSchema = z.object({
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression the user would write.
  'github-token': z.string().min(1, 'a token is needed to publish; the default is ${{ github.token }}'),
  checklists: list,
  config: z.string().transform((text) => text.trim() || undefined),
  gate: z.enum(['auto', 'pr', 'release']),
  'release-branches': list.pipe(z.array(z.string()).min(1, 'give at least one branch pattern')),
  comment: z.enum(['auto', 'always', 'never']),
  annotations: booleanText,
  'fail-on': failOn,
  'working-directory': z.string().transform((text) => text.trim() || '.'),
  sarif: z.string().transform((text) => text.trim() || undefined),
  'api-timeout': positiveSeconds,
  'cache-dir': z.string().transform((text) => text.trim() || undefined),
});

export type ActionInputs = z.infer<typeof inputsSchema>;

/** Defaults for inputs left empty, the same as action.yml declares (the runner passes them; local runs may not). */
const DEFAULTS: Record<keyof ActionInputs, string> = {
  'github-token': '',
  checklists: '',
  config: '',
  gate: 'auto',
  'release-branches': 'release/**',
  comment: 'auto',
  annotations: 'true',
  'fail-on': 'gate',
  'working-directory': '.',
  sarif: '',
  'api-timeout': '30',
  'cache-dir': '',
};

export class InputError extends Error {}

export function parseInputs(getInput: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(
    Object.entries(DEFAULTS).map(([name, fallback]) => [name, getInput(name).trim() || fallback]),
  );
  const result = inputsSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `input "${issue.path.join('.')}": ${issue.message}`);
  throw new InputError(problems.join('\n'));
}
