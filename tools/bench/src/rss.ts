import { readFileSync } from 'node:fs';

/** Resident memory of a process in MiB, from /proc/<pid>/status (`VmRSS`, or `VmHWM` for the peak). */
export function memoriaMiB(pid: number, campo: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  try {
    const riga = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((r) => r.startsWith(`${campo}:`));
    return riga ? Number(/(\d+)/.exec(riga)![1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS of named processes while load runs, and keeps each one's largest value. */
export class CampionatoreRss {
  private readonly massimi = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly processi: Record<string, number>) {}

  avvia(ogniMs = 250): void {
    this.timer = setInterval(() => this.campiona(), ogniMs);
    this.timer.unref();
  }

  ferma(): void {
    if (this.timer) clearInterval(this.timer);
    this.campiona();
  }

  /** Largest RSS sampled under load, and the kernel's peak (VmHWM) since the process started. */
  risultati(): Array<{ nome: string; sottoCarico: number; picco: number }> {
    return Object.entries(this.processi).map(([nome, pid]) => ({
      nome,
      sottoCarico: this.massimi.get(nome) ?? 0,
      picco: memoriaMiB(pid, 'VmHWM'),
    }));
  }

  private campiona(): void {
    for (const [nome, pid] of Object.entries(this.processi)) {
      const rss = memoriaMiB(pid);
      if (rss > (this.massimi.get(nome) ?? 0)) this.massimi.set(nome, rss);
    }
  }
}
