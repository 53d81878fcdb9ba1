import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';
import { waitForPort } from './wait-for-port';

export interface NatsHandle {
  url: string;
  port: number;
  storeDir: string;
  isRunning(): boolean;
  /** Stops the server and keeps its store, so that `restart()` finds the streams again. */
  stop(): Promise<void>;
  /** Stops the server and removes a temporary store. */
  destroy(): Promise<void>;
  /** Starts again on the same port and store: what a client sees when NATS comes back after an outage. */
  restart(): Promise<void>;
}

export interface NatsServerOptions {
  port?: number;
  /** JetStream store; a temporary one (removed on stop) when absent. */
  storeDir?: string;
  jetstream?: boolean;
}

function natsBinary(): string {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  const onPath = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  if (existsSync('/usr/sbin/nats-server')) return '/usr/sbin/nats-server';
  throw new Error(
    'nats-server non trovato: installarlo con `apt-get install -y nats-server` (o impostare NATS_SERVER_BIN)',
  );
}

/** A real `nats-server` (with JetStream) on a loopback port. */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsHandle> {
  const binary = natsBinary();
  const port = options.port ?? (await freePort());
  const temporary = !options.storeDir;
  const storeDir = options.storeDir ?? (await mkdtemp(path.join(tmpdir(), 'ambito-nats-')));
  await mkdir(storeDir, { recursive: true });
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = ['-a', '127.0.0.1', '-p', String(port)];
    if (options.jetstream ?? true) args.push('-js', '-sd', storeDir);
    const output: string[] = [];
    const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
    proc.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
    child = proc;
    try {
      await waitForPort(port, 15_000, () => proc.exitCode === null);
    } catch (error) {
      proc.kill('SIGKILL');
      throw new Error(
        `nats-server non è partito: ${(error as Error).message}\n${output.join('').slice(-3000)}`,
      );
    }
  };

  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      proc.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  };

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    isRunning: () => !!child && child.exitCode === null,
    stop,
    async destroy() {
      await stop();
      if (temporary) await rm(storeDir, { recursive: true, force: true });
    },
    async restart() {
      await stop();
      await start();
    },
  };
}
