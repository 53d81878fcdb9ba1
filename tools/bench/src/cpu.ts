import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/*
 * CPU time of the benchmark's processes, from /proc (Linux): on a shared machine the wall time of a
 * phase says how long others kept the cores busy too, the CPU time says what the phase itself cost.
 */

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICK = 100;

interface TempiProcesso {
  ppid: number;
  /** utime + stime of the process itself. */
  propri: number;
  /** cutime + cstime: its children that ended and were waited for (PostgreSQL's exited backends). */
  figli: number;
}

function stat(pid: number): TempiProcesso | null {
  try {
    const testo = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: the fields after it start past its ')'.
    const campi = testo.slice(testo.lastIndexOf(')') + 2).split(' ');
    const n = (i: number) => Number(campi[i - 3]);
    return { ppid: n(4), propri: (n(14) + n(15)) / TICK, figli: (n(16) + n(17)) / TICK };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by a process (and, with `figli`, by its children alive or ended). */
export function cpuSecondi(pid: number, figli = false): number {
  const radice = stat(pid);
  if (!radice) return 0;
  if (!figli) return radice.propri;
  let totale = radice.propri + radice.figli;
  for (const voce of readdirSync('/proc')) {
    if (!/^\d+$/.test(voce)) continue;
    const s = stat(Number(voce));
    if (s && s.ppid === pid) totale += s.propri + s.figli;
  }
  return totale;
}

/** The postmaster of a cluster directory (first line of postmaster.pid). */
export function pidPostgres(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Where the cores went during a measured load: CPU milliseconds per request, in all and by process. */
export interface CpuPerRichiesta {
  totaleMs: number;
  testo: string;
}

/** Snapshots of the CPU seconds of named processes, and the difference between two of them. */
export class ContatoreCpu {
  constructor(private readonly processi: Record<string, { pid: number; figli?: boolean }>) {}

  misura(): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.processi).map(([nome, p]) => [nome, cpuSecondi(p.pid, p.figli)]),
    );
  }

  /** Starts counting; the function it returns gives the CPU per request of each process since then. */
  avvia(): (richieste: number) => CpuPerRichiesta {
    const prima = this.misura();
    return (richieste) => {
      const dopo = this.misura();
      const parti = Object.keys(dopo).map(
        (nome) => [nome, ((dopo[nome] - (prima[nome] ?? 0)) * 1000) / richieste] as const,
      );
      const totaleMs = parti.reduce((somma, [, v]) => somma + v, 0);
      const dettaglio = parti.map(([nome, v]) => `${nome} ${v.toFixed(2)}`).join(', ');
      return { totaleMs, testo: `CPU per richiesta ${totaleMs.toFixed(2)} ms: ${dettaglio}` };
    };
  }

  /** e.g. "budget 3.10 s, misure 4.20 s, postgres 6.00 s" between two snapshots. */
  static differenza(prima: Record<string, number>, dopo: Record<string, number>): string {
    return Object.keys(dopo)
      .map((nome) => `${nome} ${(dopo[nome] - (prima[nome] ?? 0)).toFixed(2)} s`)
      .join(', ');
  }
}
