import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hasExited, killOnExit, OutputTail, terminate } from './child-process';
import { freePort } from './free-port';
import { isPortOpen, waitForPort } from './wait-for-port';

export interface NatsHandle {
  /** `nats://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** JetStream store directory (kept across `stop()`/`restart()`). */
  storeDir: string;
  /** `http://127.0.0.1:PORT` of the monitoring endpoint (`/healthz`, `/jsz`), when enabled. */
  monitorUrl?: string;
  isRunning(): boolean;
  /** The server's process id while it runs (benchmarks read its CPU time from /proc). */
  pid(): number | undefined;
  /** SIGTERM, then waits for the exit. Keeps the store, so that `restart()` finds the streams again. */
  stop(): Promise<void>;
  /** Starts again on the SAME port and store: what a client sees when NATS comes back after an outage. */
  restart(): Promise<void>;
  /** `stop()` and removes the store when it was a temporary one. */
  destroy(): Promise<void>;
  /**
   * Freezes the server (SIGSTOP): connections stay open, nothing is routed, what clients send waits in
   * the sockets and is delivered on `resume()` — a stalled NATS, not a lost one.
   */
  pause(): void;
  /** Lets a paused server run again (SIGCONT). */
  resume(): void;
}

export interface NatsServerOptions {
  /** Client port; a free one when absent. */
  port?: number;
  /** JetStream store; a temporary one (removed by `destroy()`) when absent. */
  storeDir?: string;
  /** Default true. */
  jetstream?: boolean;
  /** Enables the HTTP monitoring endpoint (`-m`) on a free port, or on this one. */
  monitoring?: boolean | number;
  /** Default 15 s. */
  startTimeoutMs?: number;
  /**
   * A nats-server configuration file (`-c`), e.g. the users and permissions written by
   * `prepareNatsAuth`; address, port, JetStream and monitoring still come from the options above.
   */
  configFile?: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** NATS_SERVER_BIN, else `nats-server` on PATH, else the Debian package's /usr/sbin/nats-server. */
export function findNatsServerBinary(): string {
  const fromEnv = process.env.NATS_SERVER_BIN;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(
        `NATS_SERVER_BIN=${fromEnv} non è un eseguibile: correggerlo, o toglierlo e installare nats-server ` +
          'con `apt-get install -y nats-server`',
      );
    }
    return fromEnv;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, 'nats-server'))) return path.join(dir, 'nats-server');
  }
  if (existsSync('/usr/sbin/nats-server') && isExecutable('/usr/sbin/nats-server'))
    return '/usr/sbin/nats-server';
  throw new Error(
    'nats-server non trovato (né NATS_SERVER_BIN, né nel PATH, né /usr/sbin/nats-server): ' +
      'installarlo con `apt-get install -y nats-server` oppure impostare NATS_SERVER_BIN',
  );
}

/** A real `nats-server` (with JetStream unless disabled) on a loopback port. */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsHandle> {
  const binary = findNatsServerBinary();
  const jetstream = options.jetstream ?? true;
  const startTimeoutMs = options.startTimeoutMs ?? 15_000;
  const port = options.port ?? (await freePort());
  const monitorPort =
    options.monitoring === undefined || options.monitoring === false
      ? undefined
      : options.monitoring === true
        ? await freePort()
        : options.monitoring;
  const temporary = !options.storeDir;
  const storeDir = options.storeDir
    ? path.resolve(options.storeDir)
    : await mkdtemp(path.join(tmpdir(), 'ambito-nats-'));
  await mkdir(storeDir, { recursive: true });

  let child: ChildProcess | undefined;
  let forget: (() => void) | undefined;

  const start = async () => {
    for (const p of [port, monitorPort]) {
      // Another server already listening there would answer the readiness probe in our place.
      if (p !== undefined && (await isPortOpen(p))) {
        throw new Error(`nats-server: la porta 127.0.0.1:${p} è già in uso`);
      }
    }
    const args = [
      ...(options.configFile ? ['-c', options.configFile] : []),
      '-a',
      '127.0.0.1',
      '-p',
      String(port),
    ];
    if (jetstream) args.push('-js', '-sd', storeDir);
    if (monitorPort !== undefined) args.push('-m', String(monitorPort));
    const output = new OutputTail();
    const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (c: Buffer) => output.push(c));
    proc.stderr?.on('data', (c: Buffer) => output.push(c));
    let spawnError: Error | undefined;
    proc.once('error', (error) => (spawnError = error));
    child = proc;
    forget = killOnExit(proc);
    try {
      const alive = () => !spawnError && !hasExited(proc);
      await waitForPort(port, startTimeoutMs, alive);
      if (monitorPort !== undefined) await waitForPort(monitorPort, startTimeoutMs, alive);
    } catch (error) {
      await terminate(proc, []);
      child = undefined;
      const exit = hasExited(proc) ? ` (uscito con ${proc.exitCode ?? proc.signalCode})` : '';
      throw new Error(
        `nats-server ${args.join(' ')} non è partito${exit}: ${spawnError?.message ?? (error as Error).message}\n` +
          output.text(),
      );
    }
  };

  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc) return;
    if (!hasExited(proc)) proc.kill('SIGCONT'); // a paused server could not handle SIGTERM
    await terminate(proc, [['SIGTERM', 10_000]]);
    forget?.();
  };

  try {
    await start();
  } catch (error) {
    if (temporary) await rm(storeDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    monitorUrl: monitorPort === undefined ? undefined : `http://127.0.0.1:${monitorPort}`,
    isRunning: () => !!child && !hasExited(child),
    pid: () => (child && !hasExited(child) ? child.pid : undefined),
    stop,
    async restart() {
      await stop();
      await start();
    },
    async destroy() {
      await stop();
      if (temporary) await rm(storeDir, { recursive: true, force: true });
    },
    pause() {
      if (!child || hasExited(child)) throw new Error('nats-server non è in esecuzione');
      child.kill('SIGSTOP');
    },
    resume() {
      if (child && !hasExited(child)) child.kill('SIGCONT');
    },
  };
}
