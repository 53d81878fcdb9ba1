import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Not, type DataSource } from 'typeorm';
import {
  PROFESSIONI_CLINICHE,
  PROFESSIONI_SOCIALI,
  type StatoPerMisureV1,
  type StrumentoV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { currentActor } from '@ambito/messaging';
import { CartellaEntity } from '../../cartella/cartella.entity';

const NESSUNA_PRESA_IN_CARICO: StatoPerMisureV1 = {
  valutazioneCompletata: false,
  valutazioneClinicaSociale: false,
  progettoApprovato: false,
  budgetDiProgetto: false,
};

/**
 * What the istruttoria of the misure needs from the cartella of a person
 * (`presa-in-carico.cartella.leggi-per-misure`, the misure service's identity only), found by the
 * persona id of the accesso registry. Four facts of the episode in course, no content:
 *
 * - a valutazione multidimensionale registered (every registered valutazione is complete: the service
 *   computes its score at registration, there are no drafts);
 * - one made with an instrument whose required équipe has a clinical and a social component (the
 *   registration refuses it otherwise, EQUIPE_INCOMPLETA): who was in the équipe on that day is not
 *   stored, the instrument's requirement checked then stands for it;
 * - the progetto version in force approved by the Comune (any kind: personalizzato, individuale art. 14,
 *   PaIS, Progetto di Vita);
 * - that approved version with a budget di progetto: interventi with cost and source, or other
 *   (professional, human, relational) resources.
 *
 * A person without a cartella, or whose cartella is closed, has none of them. The read is audited with
 * the calling service and its purpose, also when there is no cartella (who asked about whom).
 */
@Injectable()
export class StatoPerMisureQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async esegui(personaId: string): Promise<StatoPerMisureV1> {
    const manager = this.dataSource.manager;
    const cartella = await manager.findOne(CartellaEntity, {
      where: { personaId, stato: Not('chiusa') },
      order: { apertaIl: 'DESC' },
    });
    await this.audit.consentito(manager, currentActor(), [
      {
        azione: 'leggi-per-misure',
        risorsa: 'cartella',
        risorsaId: cartella?.id ?? null,
        soggettoId: cartella?.id ?? null,
      },
    ]);
    if (!cartella) return NESSUNA_PRESA_IN_CARICO;
    const valutazioni = (await manager.query(
      `SELECT s.requisiti_equipe AS "requisitiEquipe"
         FROM valutazione v
         JOIN strumento_valutazione s ON s.codice = v.strumento_codice AND s.versione = v.strumento_versione
        WHERE v.cartella_id = $1 AND v.episodio = $2`,
      [cartella.id, cartella.episodio],
    )) as { requisitiEquipe: StrumentoV1['requisitiEquipe'] }[];
    const [progetto] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM intervento i WHERE i.progetto_id = p.id)
              OR EXISTS (SELECT 1 FROM risorsa_progetto r WHERE r.progetto_id = p.id) AS "budget"
         FROM progetto p
        WHERE p.cartella_id = $1 AND p.episodio = $2 AND p.stato = 'approvato'`,
      [cartella.id, cartella.episodio],
    )) as { budget: boolean }[];
    return {
      valutazioneCompletata: valutazioni.length > 0,
      valutazioneClinicaSociale: valutazioni.some((v) => clinicaESociale(v.requisitiEquipe)),
      progettoApprovato: progetto !== undefined,
      budgetDiProgetto: progetto?.budget ?? false,
    };
  }
}

/** The instrument requires a member of a clinical group and one of a social group. */
function clinicaESociale(requisiti: StrumentoV1['requisitiEquipe']): boolean {
  const gruppi = requisiti?.gruppi ?? [];
  const soloDi = (professioni: readonly string[]) => (gruppo: string[]) =>
    gruppo.length > 0 && gruppo.every((p) => professioni.includes(p));
  return gruppi.some(soloDi(PROFESSIONI_CLINICHE)) && gruppi.some(soloDi(PROFESSIONI_SOCIALI));
}
