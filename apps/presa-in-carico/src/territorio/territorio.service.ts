import { Inject, Injectable } from '@nestjs/common';
import type { ComuneV1, TerritorioV1 } from '@ambito/contracts';

export const TERRITORIO = Symbol('TERRITORIO');

/** Routing of cases: the équipe in charge is the one of the sub-ambito of the comune of residence. */
@Injectable()
export class TerritorioService {
  private readonly subAmbitoDi: Map<string, string>;

  constructor(@Inject(TERRITORIO) private readonly territorio: TerritorioV1) {
    this.subAmbitoDi = new Map(territorio.comuni.map((c) => [c.istat, c.subAmbito]));
  }

  subAmbiti(): string[] {
    return this.territorio.subAmbiti.map((s) => s.codice);
  }

  /** The comuni of the ambito, with their population. */
  comuni(): ComuneV1[] {
    return this.territorio.comuni;
  }

  /** Residents of a sub-ambito, from the population of its comuni in the territorio file. */
  popolazione(subAmbito: string): number {
    return this.territorio.comuni
      .filter((c) => c.subAmbito === subAmbito)
      .reduce((t, c) => t + c.popolazione, 0);
  }

  /** The sub-ambito of a comune, or null when the comune is not in the ambito. */
  subAmbito(istat: string): string | null {
    return this.subAmbitoDi.get(istat) ?? null;
  }
}
