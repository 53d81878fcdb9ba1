import { giornoInItalia } from '@ambito/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  AvvisoV1,
  ElencaNucleiAdiV1,
  LeggiPattiAdiV1,
  NucleoAdiV1,
  PaginaV1,
  PattoAdiV1,
  ObiettivoV1,
  EsitoObiettivo,
} from '@ambito/contracts';
import { AuditService, criteriDaRegistrare } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { pagina } from '@ambito/persistence';
import { CartelleStore } from '../cartella/cartelle.store';
import { nonConsentito } from '../scope/visibilita';
import { parametriAdi } from './parametri-adi';
import { scadenzeAdi } from './scadenze-adi';

interface RigaNucleo {
  id: string;
  codice_domanda: string;
  cartella_id: string;
  data_pad: string;
  componenti: number | null;
  codice_fiscale: string;
  cognome: string;
  nome: string;
  sub_ambito: string;
  comune_residenza: string;
  case_manager_id: string | null;
  case_manager_nome: string | null;
  prima_valutazione: string | null;
  patto_approvato_il: string | null;
  verifiche: string[];
}

/**
 * The ADI households of the open cartelle with the facts their deadlines depend on: the first valutazione
 * since the PAD (the presa in carico), the first patto (PaIS) approved since then and its verifiche.
 */
const NUCLEI_SQL = `
  SELECT n.id, n.codice_domanda, n.cartella_id, n.data_pad::text AS data_pad, n.componenti,
         c.codice_fiscale, c.cognome, c.nome, c.sub_ambito, c.comune_residenza, c.case_manager_id, c.case_manager_nome,
         (SELECT min(v.data)::text FROM valutazione v
           WHERE v.cartella_id = c.id AND v.data >= n.data_pad) AS prima_valutazione,
         (SELECT min(p.deciso_il::date)::text FROM progetto p
           WHERE p.cartella_id = c.id AND p.tipo = 'pais' AND p.stato IN ('approvato', 'superato')
             AND p.deciso_il::date >= n.data_pad) AS patto_approvato_il,
         ARRAY(SELECT ve.data::text FROM verifica ve
           WHERE ve.cartella_id = c.id AND ve.data >= n.data_pad ORDER BY ve.data) AS verifiche
  FROM nucleo_adi n JOIN cartella c ON c.id = n.cartella_id
  WHERE c.stato <> 'chiusa' AND (c.sub_ambito = ANY($1) OR c.case_manager_id = $2)
  ORDER BY n.data_pad, n.codice_domanda`;

/** The households visible to a coordinator (its sub-ambiti) or a case manager (its own cases), with their deadlines. */
export async function nucleiConScadenze(
  manager: EntityManager,
  subAmbiti: string[],
  caseManager: string | null,
  oggi: string,
): Promise<(NucleoAdiV1 & { comuneResidenza: string })[]> {
  const parametri = await parametriAdi(manager);
  const righe = await manager.query<RigaNucleo[]>(NUCLEI_SQL, [subAmbiti, caseManager ?? '']);
  return righe.map((r) => ({
    id: r.id,
    codiceDomanda: r.codice_domanda,
    cartellaId: r.cartella_id,
    codiceFiscale: r.codice_fiscale,
    cognome: r.cognome,
    nome: r.nome,
    subAmbito: r.sub_ambito,
    comuneResidenza: r.comune_residenza,
    caseManager: r.case_manager_id ? { id: r.case_manager_id, nome: r.case_manager_nome ?? '' } : null,
    dataPad: r.data_pad,
    componenti: r.componenti,
    scadenze: scadenzeAdi(
      {
        dataPad: r.data_pad,
        primaValutazione: r.prima_valutazione,
        pattoApprovatoIl: r.patto_approvato_il,
        verifiche: r.verifiche,
      },
      parametri,
      oggi,
    ),
  }));
}

/**
 * The overdue ADI deadlines as alerts of the monitoring board (presa-in-carico.monitoraggio.avvisi):
 * the coordinator's for its sub-ambiti, the case manager's for its own households; one alert per
 * household and kind, from the earliest deadline missed.
 */
@Injectable()
export class AvvisiAdi {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async scaduti(subAmbiti: string[], caseManager: string | null, oggi: Date): Promise<AvvisoV1[]> {
    const giorno = giornoInItalia(oggi);
    const avvisi: AvvisoV1[] = [];
    for (const n of await nucleiConScadenze(this.dataSource.manager, subAmbiti, caseManager, giorno)) {
      const scadute = n.scadenze.filter((s) => s.stato === 'scaduta');
      const presa = scadute
        .filter((s) => s.tipo !== 'verifica-periodica')
        .map((s) => s.scadenza)
        .sort()[0];
      const verifica = scadute.find((s) => s.tipo === 'verifica-periodica')?.scadenza;
      for (const [tipo, dal] of [
        ['adi-presa-in-carico-scaduta', presa],
        ['adi-verifica-scaduta', verifica],
      ] as const)
        if (dal)
          avvisi.push({
            tipo,
            cartellaId: n.cartellaId,
            subAmbito: n.subAmbito,
            comuneResidenza: n.comuneResidenza,
            caseManagerId: n.caseManager?.id ?? null,
            dal,
            giorni: Math.floor((oggi.getTime() - Date.parse(`${dal}T00:00:00Z`)) / 86_400_000),
          });
    }
    return avvisi;
  }
}

/**
 * The ADI households an operator follows, with their deadlines on the day: a case manager only those
 * assigned to it (as in GePI, where a case manager sees only its own cases; the équipe members of a case
 * do not see its ADI deadlines), a coordinator those of its sub-ambiti, `filtro=scaduti` the overdue
 * ones only. Audited as a search, each household returned with its cartella's row.
 */
@Injectable()
export class ElencaNucleiAdiQuery {
  constructor(
    private readonly store: CartelleStore,
    private readonly audit: AuditService,
  ) {}

  async esegui(query: ElencaNucleiAdiV1): Promise<PaginaV1<NucleoAdiV1>> {
    const actor = currentActor();
    const subAmbiti = actor.ruoli.includes('coordinatore-sub-ambito') ? actor.subAmbiti : [];
    const caseManager = actor.ruoli.includes('assistente-sociale') ? actor.userId : null;
    if (subAmbiti.length === 0 && caseManager === null)
      throw await this.audit.negato(actor, { azione: 'elenca', risorsa: 'nucleo-adi' }, nonConsentito());
    const manager = this.store.dataSource.manager;
    const oggi = query.al ?? giornoInItalia();
    const nuclei = (await nucleiConScadenze(manager, subAmbiti, caseManager, oggi))
      .map(({ comuneResidenza: _comune, ...n }): NucleoAdiV1 => n)
      .filter((n) => query.filtro !== 'scaduti' || n.scadenze.some((s) => s.stato === 'scaduta'));
    const { skip, take, numero } = pagina(query);
    const elementi = nuclei.slice(skip, skip + take);
    await this.audit.ricerca(manager, actor, {
      traccia: { azione: 'elenca', risorsa: 'nucleo-adi' },
      criteri: criteriDaRegistrare(query, ['filtro', 'al', 'pagina', 'perPagina']),
      risultati: elementi.map((n) => ({
        azione: 'elenca',
        risorsa: 'nucleo-adi',
        risorsaId: n.id,
        soggettoId: n.cartellaId,
      })),
    });
    return { elementi, totale: nuclei.length, pagina: numero, perPagina: take };
  }
}

interface RigaPatto {
  codice_domanda: string;
  codice_fiscale: string;
  sub_ambito: string;
  cartella_id: string;
  progetto_id: string;
  versione: number;
  stato: string;
  approvato_il: string | null;
  data_inizio: string;
  data_fine: string;
  obiettivi: ObiettivoV1[];
  impegni: string[];
  verifiche: {
    data: string;
    esiti: { obiettivo: number; esito: EsitoObiettivo; note: string | null }[];
    note: string | null;
  }[];
}

/**
 * The approved patti (PaIS versions, the current and the superseded ones) of the ADI households of the
 * given sub-ambiti with their verifiche, for integrazioni's GePI export (service identity only; the
 * sub-ambiti are those of the coordinator who asked it). Audited per cartella with the caller's purpose.
 */
@Injectable()
export class LeggiPattiAdiQuery {
  constructor(
    private readonly store: CartelleStore,
    private readonly audit: AuditService,
  ) {}

  async esegui(dto: LeggiPattiAdiV1): Promise<PattoAdiV1[]> {
    const actor = currentActor();
    const manager = this.store.dataSource.manager;
    const righe = await manager.query<RigaPatto[]>(
      `SELECT n.codice_domanda, c.codice_fiscale, c.sub_ambito, c.id AS cartella_id,
              p.id AS progetto_id, p.versione, p.stato, p.deciso_il::date::text AS approvato_il,
              p.data_inizio::text AS data_inizio, p.data_fine::text AS data_fine, p.obiettivi, p.impegni,
              coalesce((SELECT jsonb_agg(jsonb_build_object('data', ve.data::text, 'esiti', ve.esiti, 'note', ve.note)
                          ORDER BY ve.data)
                        FROM verifica ve WHERE ve.progetto_id = p.id), '[]'::jsonb) AS verifiche
       FROM nucleo_adi n
       JOIN cartella c ON c.id = n.cartella_id
       JOIN progetto p ON p.cartella_id = c.id AND p.tipo = 'pais' AND p.stato IN ('approvato', 'superato')
                      AND p.deciso_il::date >= n.data_pad
       WHERE c.sub_ambito = ANY($1)
       ORDER BY n.codice_domanda, p.versione`,
      [dto.subAmbiti],
    );
    await this.audit.consentito(
      manager,
      actor,
      [...new Set(righe.map((r) => r.cartella_id))].map((id) => ({
        azione: 'leggi-patti-adi',
        risorsa: 'progetto',
        risorsaId: id,
        soggettoId: id,
      })),
    );
    return righe.map((r) => ({
      codiceDomanda: r.codice_domanda,
      codiceFiscale: r.codice_fiscale,
      subAmbito: r.sub_ambito,
      progettoId: r.progetto_id,
      versione: r.versione,
      stato: r.stato,
      approvatoIl: r.approvato_il,
      dataInizio: r.data_inizio,
      dataFine: r.data_fine,
      obiettivi: r.obiettivi,
      impegni: r.impegni,
      verifiche: r.verifiche,
    }));
  }
}
