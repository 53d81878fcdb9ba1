import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';

export interface ServiceProcessOptions {
  /** App name under dist/apps, e.g. `accesso`. */
  app: string;
  env: Record<string, string>;
  /** Port of the app's HTTP server, for the readiness probe. */
  httpPort: number;
  workspaceRoot: string;
  /** Where stdout/stderr go (JSON logs); inherited when absent. */
  logFile?: string;
  readyTimeoutMs?: number;
  /** Options of node itself, before the script (e.g. `--cpu-prof`, not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
}

export interface ServiceProcess {
  app: string;
  baseUrl: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts a built app (`dist/apps/<app>/src/main.js`) as a real process and waits for `/health/ready`:
 * the way the dev stack, the e2e tests and the benchmark run the platform.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const main = path.join(options.workspaceRoot, 'dist/apps', options.app, 'src/main.js');
  const register = path.join(options.workspaceRoot, 'tools/runtime/register.js');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '-r', register, main], {
    cwd: options.workspaceRoot,
    env: { ...process.env, ...options.env, HTTP_PORT: String(options.httpPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
      if (log) log.write(chunk);
    });
  }
  const baseUrl = `http://127.0.0.1:${options.httpPort}`;
  try {
    await waitReady(child, `${baseUrl}/health/ready`, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `${options.app} non è partito: ${(error as Error).message}\n${output.join('').slice(-4000)}`,
    );
  }
  return {
    app: options.app,
    baseUrl,
    pid: child.pid,
    stop: () => stopChild(child, log),
  };
}

async function waitReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`processo terminato con codice ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timeout in attesa di ${url}`);
}

function stopChild(child: ChildProcess, log?: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      log?.end();
      resolve();
      return;
    }
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      log?.end();
      resolve();
    });
    child.kill('SIGTERM');
  });
}
