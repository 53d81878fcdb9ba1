/**
 * A circuit breaker for one external system: after `soglia` consecutive failures it opens and lets no
 * call through for `pausaMs`; then one trial call (half-open) closes it on success or opens it again.
 * In memory, per process: each replica protects the other system on its own.
 */
export class Circuito {
  private fallimenti = 0;
  private apertoFinoA = 0;
  private prova = false;

  constructor(
    private readonly soglia: number,
    private readonly pausaMs: number,
    private readonly adesso: () => number = Date.now,
  ) {}

  /** Whether a call may go now (a half-open circuit lets exactly one through). */
  consente(): boolean {
    if (this.fallimenti < this.soglia) return true;
    if (this.adesso() < this.apertoFinoA || this.prova) return false;
    this.prova = true;
    return true;
  }

  /** When the circuit lets calls through again (ms since the epoch); 0 when closed. */
  get riapertura(): number {
    return this.fallimenti < this.soglia ? 0 : this.apertoFinoA;
  }

  get stato(): 'chiuso' | 'aperto' | 'semiaperto' {
    if (this.fallimenti < this.soglia) return 'chiuso';
    return this.prova || this.adesso() >= this.apertoFinoA ? 'semiaperto' : 'aperto';
  }

  successo(): void {
    this.fallimenti = 0;
    this.prova = false;
  }

  fallimento(): void {
    this.fallimenti += 1;
    this.prova = false;
    if (this.fallimenti >= this.soglia) this.apertoFinoA = this.adesso() + this.pausaMs;
  }
}
