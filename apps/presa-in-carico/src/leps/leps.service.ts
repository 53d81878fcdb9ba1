import { giornoInItalia } from '@ambito/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type CalcolaLepsV1,
  type LepsRispostaV1,
  type ParametriLepsAsV1,
} from '@ambito/contracts';
import { TerritorioService } from '../territorio/territorio.service';
import { calcolaLepsAs } from './leps';

interface Parametro {
  codice: string;
  valore: number;
  atto: string;
}

const CODICI_LEPS = {
  abitantiPerAsSogliaMinima: 'leps-as.abitanti-soglia-minima',
  abitantiPerAsObiettivo: 'leps-as.abitanti-obiettivo',
  abitantiPerAsObiettivoUlteriore: 'leps-as.abitanti-obiettivo-ulteriore',
  contributoFascia1Centesimi: 'leps-as.contributo-fascia-1-centesimi',
  contributoFascia2Centesimi: 'leps-as.contributo-fascia-2-centesimi',
} as const;
const ORE_AS = 'ore-as.abitanti-per-ora';

/**
 * The LEPS servizio sociale professionale of the whole Ambito (rule 33): permanent assistenti sociali in
 * FTE, whoever employs them, against the thresholds and contributions of the parametro_normativo table
 * in force on the date; and the configured standard of weekly AS hours per comune.
 */
@Injectable()
export class LepsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly territorio: TerritorioService,
  ) {}

  async calcola(query: CalcolaLepsV1): Promise<LepsRispostaV1> {
    const al = query.al ?? giornoInItalia();
    const parametri = await this.parametri(al);
    const valore = (codice: string) => parametri.find((p) => p.codice === codice);
    const mancanti = Object.values(CODICI_LEPS).filter((c) => !valore(c));
    if (mancanti.length > 0)
      throw new DomainError(
        'DATA_NON_VALIDA',
        `Nessun parametro LEPS in vigore il ${al}: ${mancanti.join(', ')}.`,
        [{ campo: 'al', messaggi: ['nessun parametro LEPS in vigore alla data'] }],
      );
    const leps = Object.fromEntries(
      Object.entries(CODICI_LEPS).map(([campo, codice]) => [campo, valore(codice)!.valore]),
    ) as Omit<ParametriLepsAsV1, 'atto'>;
    const atto = [...new Set(Object.values(CODICI_LEPS).map((c) => valore(c)!.atto))].join('; ');
    // A person registered in several sub-ambiti counts with the sum of its shares, at most one FTE.
    const [{ fte }] = await this.dataSource.query<{ fte: string }[]>(
      `SELECT coalesce(sum(fte), 0)::numeric(8,2)::text AS fte FROM (
         SELECT least(sum(coalesce(fte, 1)), 1) AS fte FROM membro_equipe
         WHERE professione = 'assistente-sociale' AND contratto = 'indeterminato'
         GROUP BY user_id) persone`,
    );
    const comuni = this.territorio.comuni();
    const popolazione = comuni.reduce((t, c) => t + c.popolazione, 0);
    const assistentiSocialiFte = Number(fte);
    const ore = valore(ORE_AS);
    return {
      al,
      popolazione,
      assistentiSocialiFte,
      ...calcolaLepsAs(popolazione, assistentiSocialiFte, { ...leps, atto }),
      parametri: { ...leps, atto },
      oreAs: ore
        ? {
            abitantiPerOra: ore.valore,
            atto: ore.atto,
            comuni: comuni.map((c) => ({
              istat: c.istat,
              denominazione: c.denominazione,
              subAmbito: c.subAmbito,
              popolazione: c.popolazione,
              oreStandard: Math.round(c.popolazione / ore.valore),
            })),
          }
        : null,
    };
  }

  /** Each parameter's row in force on the date (the latest validoDal not after it, not yet expired). */
  private parametri(al: string): Promise<Parametro[]> {
    return this.dataSource.query<Parametro[]>(
      `SELECT DISTINCT ON (codice) codice, valore, atto FROM parametro_normativo
       WHERE valido_dal <= $1 AND (valido_al IS NULL OR valido_al >= $1)
       ORDER BY codice, valido_dal DESC`,
      [al],
    );
  }
}
