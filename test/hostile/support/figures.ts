// Figures each hostile test reports for the table printed by scripts/hostile.mjs. A test
// appends one JSON line per fixture to the file named by READINESS_HOSTILE_FIGURES; without
// that variable (a plain `vitest run`) nothing is written.

import { appendFileSync } from 'node:fs';

export interface HostileFigures {
  /** Which part of the suite: fuzz, regex, fixtures, output, github, commands. */
  part: string;
  /** What was thrown at the tool. */
  fixture: string;
  inputs?: number;
  faults?: number;
  crashes?: number;
  hangs?: number;
  leaks?: number;
  duplicateComments?: number;
  canaryWrites?: number;
  /** Longest single run, milliseconds. */
  maxMs?: number;
  /** Peak resident memory of the run, kilobytes (child process runs only). */
  peakKb?: number;
}

export function report(figures: HostileFigures): void {
  const file = process.env.READINESS_HOSTILE_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(figures)}\n`);
}

/** Milliseconds `run` takes, with its result. */
export async function timed<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}
