import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type ComuneV1, type SedeV1, type TerritorioV1 } from '@ambito/contracts';

export const TERRITORIO = Symbol('TERRITORIO');

/** The ambito's territorio, read once at start: lookups for the rules of the other features. */
@Injectable()
export class TerritorioService {
  private readonly comuni: Map<string, ComuneV1>;
  private readonly sedi: Map<string, SedeV1>;

  constructor(@Inject(TERRITORIO) private readonly territorio: TerritorioV1) {
    this.comuni = new Map(territorio.comuni.map((c) => [c.istat, c]));
    this.sedi = new Map(territorio.sedi.map((s) => [s.codice, s]));
  }

  /** The whole territorio, or the part of one sub-ambito. */
  leggi(subAmbito?: string): TerritorioV1 {
    if (!subAmbito) return this.territorio;
    const t = this.territorio;
    return {
      ...t,
      comuni: t.comuni.filter((c) => c.subAmbito === subAmbito),
      subAmbiti: t.subAmbiti.filter((s) => s.codice === subAmbito),
      sedi: t.sedi.filter((s) => s.subAmbito === subAmbito),
    };
  }

  comune(istat: string): ComuneV1 {
    const comune = this.comuni.get(istat);
    if (!comune)
      throw new DomainError('COMUNE_SCONOSCIUTO', `Il comune ${istat} non fa parte dell’Ambito.`, [
        { campo: 'comuneResidenza', messaggi: ['comune non appartenente all’Ambito'] },
      ]);
    return comune;
  }

  /** Whether a comune is part of the Ambito (a persona may reside anywhere). */
  nellAmbito(istat: string): boolean {
    return this.comuni.has(istat);
  }

  /** The sub-ambito of a comune of the Ambito, or null for a comune outside it. */
  subAmbitoDi(istat: string | null): string | null {
    return (istat && this.comuni.get(istat)?.subAmbito) || null;
  }

  sede(codice: string): SedeV1 {
    const sede = this.sedi.get(codice);
    if (!sede)
      throw new DomainError('SEDE_SCONOSCIUTA', `La sede ${codice} non esiste nell’Ambito.`, [
        { campo: 'sede', messaggi: ['sede sconosciuta'] },
      ]);
    return sede;
  }

  /** ISTAT codes of all the comuni of the Ambito. */
  istatAmbito(): string[] {
    return [...this.comuni.keys()];
  }

  /** ISTAT codes of the comuni of some sub-ambiti. */
  comuniDi(subAmbiti: readonly string[]): string[] {
    return this.territorio.comuni.filter((c) => subAmbiti.includes(c.subAmbito)).map((c) => c.istat);
  }
}
