// One App replica as its own process: the App bundled the way Dockerfile.app bundles it, run with
// node and configured only through its environment, pointed at the local API stand-in as a GitHub
// Enterprise Server (GHE_HOST). Its JSON log is read for the one line the App writes per delivery,
// and its peak resident memory is read from /proc while it runs.

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface DeliveryLine {
  replica: number;
  id: string;
  event: string;
  outcome: string;
  /** Evaluations the delivery ran (more than one when it caught up with a moving head). */
  evaluations: number;
  /** When the driver read the line (ms since the run started). */
  at: number;
}

export interface Replica {
  index: number;
  port: number;
  process: ChildProcess;
  /** Peak resident set size seen, in bytes (VmHWM: the kernel's own high-water mark). */
  peakRss: number;
  /** Deliveries it was working on when it got SIGTERM, as its own log says. */
  draining?: number;
  /** CPU time used (user + system), in milliseconds. */
  cpuMs: number;
  /** Log lines at warn level or above, for the report. */
  problems: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const OUTCOME = /readiness: delivery ([\w-]+) ([\w.]+): ([\w-]+)(?: after (\d+) evaluations)?/;

export function startReplica(options: {
  index: number;
  bundle: string;
  port: number;
  env: Record<string, string>;
  cwd: string;
  clock: () => number;
  onDelivery: (line: DeliveryLine) => void;
}): Replica {
  const child = spawn(process.execPath, ['--enable-source-maps', options.bundle], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const replica: Replica = {
    index: options.index,
    port: options.port,
    process: child,
    peakRss: 0,
    cpuMs: 0,
    problems: [],
    exited: new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal, at: options.clock() })),
    ),
  };
  const read = (line: string) => {
    const match = OUTCOME.exec(line);
    if (match) {
      options.onDelivery({
        replica: options.index,
        id: match[1] as string,
        event: match[2] as string,
        outcome: match[3] as string,
        evaluations: Number(match[4] ?? 1),
        at: options.clock(),
      });
      return;
    }
    const drain = /waiting up to \d+ ms for (\d+) running/.exec(line);
    if (drain) replica.draining = Number(drain[1]);
    if (/"level":(40|50|60)|\b(WARN|ERROR|FATAL)\b/.test(line)) replica.problems.push(line.slice(0, 400));
  };
  createInterface({ input: child.stdout }).on('line', read);
  createInterface({ input: child.stderr }).on('line', (line) => replica.problems.push(line.slice(0, 400)));
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      replica.peakRss = Math.max(replica.peakRss, kb * 1024);
      // Fields 14 and 15 of /proc/PID/stat, after the parenthesised command name: user and system ticks.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      replica.cpuMs = (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // Gone, or not Linux: the last sample stands.
    }
  };
  const timer = setInterval(sample, 250);
  void replica.exited.then(() => clearInterval(timer));
  return replica;
}

/** Resolves once GET /healthz answers 200, or throws after `ms`. */
export async function waitHealthy(replica: Replica, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (replica.process.exitCode !== null) {
      throw new Error(`replica ${replica.index} exited at start-up:\n${replica.problems.join('\n')}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${replica.port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`replica ${replica.index} did not answer /healthz within ${ms} ms`);
}
