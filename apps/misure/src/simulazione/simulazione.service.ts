import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  ISTANZE_SIMULATE_MASSIME,
  ParametriRegoleV1,
  validaContratto,
  type DatiIstanzaV1,
  type EsitoSimulatoV1,
  type GraduatoriaSimulataV1,
  type SimulaAvvisoV1,
  type SimulazioneAvvisoV1,
  type ValutazioneIstanzaV1,
} from '@ambito/contracts';
import { avvisoNonTrovato } from '../graduatorie/formazione.service';
import { avvisoConRegole } from '../graduatorie/graduatorie.sql';
import { ordinaETaglia, ordinamentoValido, type VoceDaOrdinare } from '../graduatorie/ordinamento';
import { valutaIstanza } from '../istruttoria/valuta-istanza';
import { applicaVariante } from './variante';

/** One istanza to judge: given in the request, or stored on the avviso. */
interface DaValutare {
  riferimento: string;
  istanzaId: string | null;
  strumento: string;
  dataPresentazione: string;
  protocolloAnno: number;
  protocolloNumero: number;
  protocollataIl: number;
  dati: DatiIstanzaV1;
}

/**
 * The what-if simulation of an avviso (issue 9, point 7): the rules engine (`valutaIstanza`) on every
 * istanza, then the graduatorie's order and cut as the pure function formation's SQL agrees with
 * (ordinamento.ts). Reads the avviso, its rule set, its graduatorie and (when none are given) its
 * istanze; writes nothing, not even an audit row: the reply names istanze by protocol, never by person.
 */
@Injectable()
export class SimulazioneAvviso {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async simula(dto: SimulaAvvisoV1): Promise<SimulazioneAvvisoV1> {
    const m = this.dataSource.manager;
    const avviso = await avvisoConRegole(m, dto.avvisoId);
    if (!avviso) throw avvisoNonTrovato();
    const parametri = await validaContratto(
      ParametriRegoleV1,
      dto.parametri ? applicaVariante(avviso.parametri, dto.parametri) : avviso.parametri,
      { rifiutaCampiIgnoti: true, controllaTesto: false },
    );
    const ordinamento = ordinamentoValido(parametri.ordinamento);
    const istanze = dto.istanze ? dto.istanze.map(daRichiesta) : await this.istanzeDellAvviso(dto.avvisoId);
    const regole = { id: avviso.regole_id, parametri };
    const esiti: Array<EsitoSimulatoV1 & { ordine: DaValutare }> = istanze.map((i) => ({
      riferimento: i.riferimento,
      istanzaId: i.istanzaId,
      valutazione: valutaIstanza(
        { dati: i.dati, strumento: i.strumento, dataRiferimento: i.dataPresentazione, mesi: avviso.mesi },
        regole,
      ),
      ordine: i,
    }));

    const definizioni = await m.query<Array<{ area: string; strumento: string; budget_centesimi: string }>>(
      `SELECT area, strumento, budget_centesimi FROM graduatoria WHERE avviso_id = $1 ORDER BY area, strumento`,
      [dto.avvisoId],
    );
    const budget = new Map((dto.budget ?? []).map((b) => [`${b.area}|${b.strumento}`, b.budgetCentesimi]));
    const ammissibili = esiti.filter((e) => e.valutazione.esito === 'ammissibile');
    const inGraduatoria = new Set<string>();
    const graduatorie: GraduatoriaSimulataV1[] = definizioni.map((d) => {
      const chiave = `${d.area}|${d.strumento}`;
      const budgetCentesimi = budget.get(chiave) ?? Number(d.budget_centesimi);
      const voci = ammissibili
        .filter((e) => e.valutazione.area === d.area && e.valutazione.strumento === d.strumento)
        .map((e) => {
          inGraduatoria.add(e.riferimento);
          return voceDaOrdinare(e.ordine, e.valutazione, avviso.mesi);
        });
      const ordinate = ordinaETaglia(voci, ordinamento, budgetCentesimi);
      const finanziate = ordinate.filter((v) => v.stato === 'finanziata');
      return {
        area: d.area as GraduatoriaSimulataV1['area'],
        strumento: d.strumento,
        budgetCentesimi,
        finanziate: finanziate.length,
        idoneeNonFinanziate: ordinate.length - finanziate.length,
        finanziatoCentesimi: finanziate.reduce((s, v) => s + v.importoCentesimi, 0),
        fabbisognoCentesimi: ordinate.reduce((s, v) => s + v.importoCentesimi, 0),
        voci: ordinate.map((v) => ({
          posizione: v.posizione,
          riferimento: v.chiave,
          esito: v.stato,
          importoCentesimi: v.importoCentesimi,
        })),
      };
    });
    return {
      avvisoId: dto.avvisoId,
      regoleId: avviso.regole_id,
      esiti: esiti.map(({ riferimento, istanzaId, valutazione }) => ({
        riferimento,
        istanzaId,
        valutazione,
      })),
      graduatorie,
      ammissibiliSenzaGraduatoria: ammissibili.filter((e) => !inGraduatoria.has(e.riferimento)).length,
      costoCentesimi: graduatorie.reduce((s, g) => s + g.finanziatoCentesimi, 0),
    };
  }

  private async istanzeDellAvviso(avvisoId: string): Promise<DaValutare[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        strumento: string;
        dati: DatiIstanzaV1;
        protocollo_anno: number;
        protocollo_numero: number;
        protocollata_il: Date;
        giorno: string;
      }>
    >(
      `SELECT id, strumento, dati, protocollo_anno, protocollo_numero, protocollata_il,
              to_char(protocollata_il AT TIME ZONE 'Europe/Rome', 'YYYY-MM-DD') AS giorno
         FROM istanza WHERE avviso_id = $1
        ORDER BY protocollo_anno, protocollo_numero
        LIMIT $2`,
      [avvisoId, ISTANZE_SIMULATE_MASSIME + 1],
    );
    if (rows.length > ISTANZE_SIMULATE_MASSIME)
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        `L’avviso ha più di ${ISTANZE_SIMULATE_MASSIME} istanze: la simulazione si fa su un insieme dato nella richiesta.`,
      );
    return rows.map((r) => ({
      riferimento: `${r.protocollo_numero}/${r.protocollo_anno}`,
      istanzaId: r.id,
      strumento: r.strumento,
      dataPresentazione: r.giorno,
      protocolloAnno: r.protocollo_anno,
      protocolloNumero: r.protocollo_numero,
      protocollataIl: r.protocollata_il.getTime(),
      dati: r.dati,
    }));
  }
}

/** An istanza of the request: its protocol order stands for both the time and the number. */
function daRichiesta(i: NonNullable<SimulaAvvisoV1['istanze']>[number]): DaValutare {
  return {
    riferimento: i.riferimento,
    istanzaId: null,
    strumento: i.strumento,
    dataPresentazione: i.dataPresentazione,
    protocolloAnno: 0,
    protocolloNumero: i.ordineProtocollo,
    protocollataIl: i.ordineProtocollo,
    dati: i.dati,
  };
}

/** What the order reads of an evaluation: the same keys formation reads on the istanza's row. */
export function voceDaOrdinare(o: DaValutare, v: ValutazioneIstanzaV1, mesi: number): VoceDaOrdinare {
  return {
    chiave: o.riferimento,
    protocolloAnno: o.protocolloAnno,
    protocolloNumero: o.protocolloNumero,
    protocollataIl: o.protocollataIl,
    iseeCentesimi: v.chiavi.iseeCentesimi,
    eta: v.chiavi.eta,
    prioritaGarantita: v.chiavi.prioritaGarantita,
    urgenza: v.chiavi.urgenza,
    importoMensileCentesimi: v.importoMensileCentesimi,
    importoCentesimi: v.importoTotaleCentesimi ?? (v.importoMensileCentesimi ?? 0) * mesi,
  };
}
