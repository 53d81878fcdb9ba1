import { giornoInItalia } from '@ambito/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  type Actor,
  type AvvisoV1,
  type CaricoLavoroRispostaV1,
  type CaricoLavoroV1,
  type CaricoOperatoreV1,
  type CaricoSubAmbitoV1,
  type ElencaAvvisiV1,
} from '@ambito/contracts';
import { currentActor } from '@ambito/messaging';
import { AuditService } from '@ambito/audit';
import { nonConsentito } from '../scope/visibilita';
import { TerritorioService } from '../territorio/territorio.service';
import { AvvisiAdi } from '../adi/nuclei-adi.queries';

export const OPZIONI_MONITORAGGIO = Symbol('OPZIONI_MONITORAGGIO');

/** Thresholds of the monitoring: configuration, not code (see PresaInCaricoConfig). */
export interface OpzioniMonitoraggio {
  abitantiPerAssistenteSociale: number;
  giorniAvvisoProposta: number;
  giorniAvvisoDecisione: number;
}

interface CasoAttivo {
  cartella_id: string;
  sub_ambito: string;
  comune_residenza: string;
  case_manager_id: string | null;
  case_manager_nome: string | null;
  valutazioni: number;
}

interface VerificaScaduta {
  cartella_id: string;
  sub_ambito: string;
  comune_residenza: string;
  case_manager_id: string | null;
  dal: string;
}

const GIORNO_MS = 86_400_000;

/**
 * The workload of the équipe (active cases, cases still to assess, overdue verifiche, social workers
 * against the LEPS standard) and the alerts that need someone's attention.
 */
@Injectable()
export class MonitoraggioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly territorio: TerritorioService,
    private readonly audit: AuditService,
    @Inject(OPZIONI_MONITORAGGIO) private readonly opzioni: OpzioniMonitoraggio,
    private readonly adi: AvvisiAdi,
  ) {}

  async caricoLavoro(query: CaricoLavoroV1): Promise<CaricoLavoroRispostaV1> {
    const actor = currentActor();
    const subAmbiti = await this.ambito(actor, query.subAmbito, 'carico-lavoro');
    const oggi = giornoInItalia();
    const [attivi, scadute, coda, inDecisione, assistenti] = [
      await this.casiAttivi(subAmbiti),
      await this.verificheScadute(subAmbiti, oggi),
      await this.dataSource.query<{ sub_ambito: string; n: number }[]>(
        `SELECT sub_ambito, count(*)::int AS n FROM cartella WHERE stato = 'in-attesa' AND sub_ambito = ANY($1) GROUP BY sub_ambito`,
        [subAmbiti],
      ),
      await this.dataSource.query<{ sub_ambito: string; n: number }[]>(
        `SELECT c.sub_ambito, count(*)::int AS n FROM progetto p JOIN cartella c ON c.id = p.cartella_id
         WHERE p.stato = 'proposto' AND c.stato = 'in-carico' AND c.sub_ambito = ANY($1) GROUP BY c.sub_ambito`,
        [subAmbiti],
      ),
      await this.dataSource.query<{ sub_ambito: string; user_id: string; nome: string }[]>(
        `SELECT sub_ambito, user_id, nome FROM membro_equipe
         WHERE professione = 'assistente-sociale' AND sub_ambito = ANY($1) ORDER BY nome`,
        [subAmbiti],
      ),
    ];
    const conta = (rows: { sub_ambito: string; n: number }[], sa: string) =>
      rows.find((r) => r.sub_ambito === sa)?.n ?? 0;
    // The LEPS objective in force (parametro_normativo); the configured value when none is.
    const [obiettivo] = await this.dataSource.query<{ valore: number }[]>(
      `SELECT valore FROM parametro_normativo WHERE codice = 'leps-as.abitanti-obiettivo'
         AND valido_dal <= $1 AND (valido_al IS NULL OR valido_al >= $1) ORDER BY valido_dal DESC LIMIT 1`,
      [oggi],
    );
    const standard = obiettivo?.valore ?? this.opzioni.abitantiPerAssistenteSociale;
    return {
      al: oggi,
      subAmbiti: subAmbiti.map((subAmbito): CaricoSubAmbitoV1 => {
        const popolazione = this.territorio.popolazione(subAmbito);
        const as = assistenti.filter((a) => a.sub_ambito === subAmbito);
        const casi = attivi.filter((c) => c.sub_ambito === subAmbito);
        const ritardi = scadute.filter((v) => v.sub_ambito === subAmbito);
        const rapporto = as.length > 0 ? Math.round(popolazione / as.length) : null;
        const operatori = new Map<string, CaricoOperatoreV1>(
          as.map((a) => [
            a.user_id,
            { userId: a.user_id, nome: a.nome, casiAttivi: 0, daValutare: 0, verificheScadute: 0 },
          ]),
        );
        for (const c of casi) {
          if (!c.case_manager_id) continue;
          const o =
            operatori.get(c.case_manager_id) ??
            operatori
              .set(c.case_manager_id, {
                userId: c.case_manager_id,
                nome: c.case_manager_nome ?? c.case_manager_id,
                casiAttivi: 0,
                daValutare: 0,
                verificheScadute: 0,
              })
              .get(c.case_manager_id)!;
          o.casiAttivi += 1;
          if (c.valutazioni === 0) o.daValutare += 1;
        }
        for (const v of ritardi) {
          const o = v.case_manager_id ? operatori.get(v.case_manager_id) : undefined;
          if (o) o.verificheScadute += 1;
        }
        return {
          subAmbito,
          popolazione,
          assistentiSociali: as.length,
          abitantiPerAssistenteSociale: rapporto,
          standardAbitantiPerAssistenteSociale: standard,
          sottoStandard: rapporto === null || rapporto > standard,
          inCoda: conta(coda, subAmbito),
          casiAttivi: casi.length,
          daValutare: casi.filter((c) => c.valutazioni === 0).length,
          progettiInAttesaDiDecisione: conta(inDecisione, subAmbito),
          verificheScadute: ritardi.length,
          operatori: [...operatori.values()],
        };
      }),
    };
  }

  /**
   * What needs attention: proposte unassigned for too long (coordinator), projects waiting for the
   * Comune's decision (coordinator, responsabile-comune), overdue verifiche (équipe).
   */
  async avvisi(query: ElencaAvvisiV1): Promise<AvvisoV1[]> {
    const actor = currentActor();
    const oggi = new Date();
    const giorni = (dal: Date | string) => Math.floor((oggi.getTime() - new Date(dal).getTime()) / GIORNO_MS);
    const coordinatore = actor.ruoli.includes('coordinatore-sub-ambito');
    const caseManager = actor.ruoli.includes('assistente-sociale') ? actor.userId : null;
    const comuni = actor.ruoli.includes('responsabile-comune') ? actor.comuni : [];
    if (!coordinatore && !caseManager && comuni.length === 0) {
      throw await this.audit.negato(actor, { azione: 'avvisi', risorsa: 'statistiche' }, nonConsentito());
    }
    const subAmbiti = coordinatore
      ? actor.subAmbiti.filter((s) => !query.subAmbito || s === query.subAmbito)
      : [];
    const visibile = (c: { sub_ambito: string; comune_residenza: string; case_manager_id: string | null }) =>
      subAmbiti.includes(c.sub_ambito) ||
      comuni.includes(c.comune_residenza) ||
      (caseManager !== null && c.case_manager_id === caseManager);
    const tutti = this.territorio.subAmbiti();
    const avvisi: AvvisoV1[] = [];

    const soglia = new Date(oggi.getTime() - this.opzioni.giorniAvvisoProposta * GIORNO_MS);
    const proposte = await this.dataSource.query<
      { cartella_id: string; sub_ambito: string; comune_residenza: string; dal: Date }[]
    >(
      `SELECT c.id AS cartella_id, c.sub_ambito, c.comune_residenza, min(p.ricevuta_il) AS dal
       FROM proposta p JOIN cartella c ON c.id = p.cartella_id
       WHERE p.stato = 'in-attesa' AND c.stato = 'in-attesa' AND c.sub_ambito = ANY($1)
       GROUP BY c.id HAVING min(p.ricevuta_il) < $2`,
      [subAmbiti, soglia],
    );
    for (const p of proposte)
      avvisi.push({
        tipo: 'proposta-non-assegnata',
        cartellaId: p.cartella_id,
        subAmbito: p.sub_ambito,
        comuneResidenza: p.comune_residenza,
        caseManagerId: null,
        dal: p.dal.toISOString(),
        giorni: giorni(p.dal),
      });

    const sogliaDecisione = new Date(oggi.getTime() - this.opzioni.giorniAvvisoDecisione * GIORNO_MS);
    const inDecisione = await this.dataSource.query<
      {
        cartella_id: string;
        sub_ambito: string;
        comune_residenza: string;
        case_manager_id: string | null;
        dal: Date;
      }[]
    >(
      `SELECT c.id AS cartella_id, c.sub_ambito, c.comune_residenza, c.case_manager_id, p.proposto_il AS dal
       FROM progetto p JOIN cartella c ON c.id = p.cartella_id
       WHERE p.stato = 'proposto' AND c.stato = 'in-carico' AND p.proposto_il < $1`,
      [sogliaDecisione],
    );
    for (const p of inDecisione.filter(visibile))
      avvisi.push({
        tipo: 'progetto-in-attesa-di-decisione',
        cartellaId: p.cartella_id,
        subAmbito: p.sub_ambito,
        comuneResidenza: p.comune_residenza,
        caseManagerId: p.case_manager_id,
        dal: p.dal.toISOString(),
        giorni: giorni(p.dal),
      });

    // Overdue verifiche concern the équipe, not the Comune.
    for (const v of (await this.verificheScadute(tutti, giornoInItalia(oggi))).filter(
      (v) => subAmbiti.includes(v.sub_ambito) || (caseManager !== null && v.case_manager_id === caseManager),
    ))
      avvisi.push({
        tipo: 'verifica-scaduta',
        cartellaId: v.cartella_id,
        subAmbito: v.sub_ambito,
        comuneResidenza: v.comune_residenza,
        caseManagerId: v.case_manager_id,
        dal: v.dal,
        giorni: giorni(v.dal),
      });
    // The ADI deadlines (GePI households) missed: the équipe's too.
    avvisi.push(...(await this.adi.scaduti(subAmbiti, caseManager, oggi)));
    return avvisi.sort((a, b) => b.giorni - a.giorni);
  }

  /** Sub-ambiti of the report: all for the Ufficio di Piano, its own for a coordinator. */
  private async ambito(actor: Actor, richiesto: string | undefined, azione: string): Promise<string[]> {
    const tutti = this.territorio.subAmbiti();
    let subAmbiti: string[];
    if (actor.ruoli.includes('ufficio-di-piano') || actor.ruoli.includes('amministratore')) subAmbiti = tutti;
    else if (actor.ruoli.includes('coordinatore-sub-ambito')) subAmbiti = actor.subAmbiti;
    else throw await this.audit.negato(actor, { azione, risorsa: 'statistiche' }, nonConsentito());
    if (richiesto) {
      if (!subAmbiti.includes(richiesto))
        throw await this.audit.negato(
          actor,
          { azione, risorsa: 'statistiche' },
          new DomainError(
            'FUORI_AMBITO_TERRITORIALE',
            `Il sub-ambito ${richiesto} non è tra quelli assegnati.`,
          ),
        );
      return [richiesto];
    }
    return subAmbiti;
  }

  private casiAttivi(subAmbiti: string[]): Promise<CasoAttivo[]> {
    return this.dataSource.query(
      `SELECT c.id AS cartella_id, c.sub_ambito, c.comune_residenza, c.case_manager_id, c.case_manager_nome,
              (SELECT count(*)::int FROM valutazione v WHERE v.cartella_id = c.id AND v.episodio = c.episodio) AS valutazioni
       FROM cartella c WHERE c.stato = 'in-carico' AND c.sub_ambito = ANY($1)`,
      [subAmbiti],
    );
  }

  /**
   * Scheduled verifiche of the approved projects of active cases whose date has passed without as
   * many verifiche recorded: the first unrecorded scheduled date is when the delay started.
   */
  private async verificheScadute(subAmbiti: string[], oggi: string): Promise<VerificaScaduta[]> {
    const progetti = await this.dataSource.query<
      {
        cartella_id: string;
        sub_ambito: string;
        comune_residenza: string;
        case_manager_id: string | null;
        programmate: { data: string }[];
        registrate: number;
      }[]
    >(
      `SELECT c.id AS cartella_id, c.sub_ambito, c.comune_residenza, c.case_manager_id, p.verifiche AS programmate,
              (SELECT count(*)::int FROM verifica v WHERE v.progetto_id = p.id) AS registrate
       FROM progetto p JOIN cartella c ON c.id = p.cartella_id
       WHERE p.stato = 'approvato' AND c.stato = 'in-carico' AND c.sub_ambito = ANY($1)`,
      [subAmbiti],
    );
    return progetti.flatMap((p) => {
      const passate = p.programmate
        .map((v) => v.data)
        .filter((d) => d < oggi)
        .sort();
      if (passate.length <= p.registrate) return [];
      const { programmate: _, registrate: _r, ...caso } = p;
      return [{ ...caso, dal: passate[p.registrate] }];
    });
  }
}
