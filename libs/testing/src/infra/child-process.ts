import type { ChildProcess } from 'node:child_process';

/** True once the process has exited (by itself or through a signal). */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves when the process exits, or with `false` after `ms` milliseconds. */
function exitWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/**
 * Sends the signals in order, each followed by a grace period, until the process has exited; SIGKILL
 * is always the last resort. Never hangs on a process that has already gone.
 */
export async function terminate(
  child: ChildProcess,
  steps: ReadonlyArray<readonly [NodeJS.Signals, number]>,
): Promise<void> {
  for (const [signal, graceMs] of [...steps, ['SIGKILL', 5000] as const]) {
    if (hasExited(child)) return;
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
    if (await exitWithin(child, graceMs)) return;
  }
}

const live = new Map<ChildProcess, NodeJS.Signals>();
let exitHookInstalled = false;

/**
 * Kills the process when this Node process exits without stopping it first (a crashed Jest run,
 * an uncaught exception), so that no server outlives the run that started it. Returns the undo.
 */
export function killOnExit(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const [c, sig] of live) {
        try {
          c.kill(sig);
        } catch {
          // already gone
        }
      }
    });
  }
  live.set(child, signal);
  child.once('exit', () => live.delete(child));
  return () => live.delete(child);
}

/** Keeps the last `max` chunks of a process' output, for error messages. */
export class OutputTail {
  private readonly chunks: string[] = [];
  constructor(private readonly max = 200) {}
  push(chunk: Buffer | string): void {
    this.chunks.push(chunk.toString());
    if (this.chunks.length > this.max) this.chunks.shift();
  }
  text(maxChars = 4000): string {
    return this.chunks.join('').slice(-maxChars);
  }
}
