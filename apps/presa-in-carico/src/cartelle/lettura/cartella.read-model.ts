import { giornoInItalia } from '@ambito/kernel';
import { IsNull, type EntityManager } from 'typeorm';
import type { CartellaV1 } from '@ambito/contracts';
import { AssegnazioneEntity } from '../../cartella/assegnazione.entity';
import { CartellaEntity } from '../../cartella/cartella.entity';
import { MembroNucleoEntity } from '../../cartella/membro-nucleo.entity';
import { PartecipazioneEntity } from '../../cartella/partecipazione.entity';
import { PropostaEntity } from '../../cartella/proposta.entity';
import { InterventoEntity } from '../../progetti/intervento.entity';
import { ProgettoEntity } from '../../progetti/progetto.entity';
import { RisorsaProgettoEntity } from '../../progetti/risorsa-progetto.entity';
import { toProgettoV1 } from '../../progetti/to-progetto';
import { StrumentoEntity } from '../../valutazioni/strumento.entity';
import { toValutazioneV1 } from '../../valutazioni/to-valutazione';
import { ValutazioneEntity } from '../../valutazioni/valutazione.entity';
import { interventiDellaPersona } from '../../interventi-misure/interventi-misure.sql';
import { toCartellaSintesiV1 } from './cartella-sintesi';

/**
 * The whole cartella as the équipe reads it: assembled from the cartella aggregate and from the
 * valutazioni, progetti and interventi-misure features (which it reads; they do not depend on it). In the caller's
 * transaction, so that a command replies with what it just wrote.
 */
export async function caricaCartellaV1(manager: EntityManager, id: string): Promise<CartellaV1> {
  const cartella = await manager.findOneByOrFail(CartellaEntity, { id });
  // Sequential: inside a transaction every query shares one connection.
  const proposte = await manager.find(PropostaEntity, {
    where: { cartellaId: id },
    order: { ricevutaIl: 'ASC' },
  });
  const assegnazioni = await manager.find(AssegnazioneEntity, {
    where: { cartellaId: id },
    order: { dal: 'ASC' },
  });
  const valutazioni = await manager.find(ValutazioneEntity, {
    where: { cartellaId: id },
    order: { data: 'DESC', registrataIl: 'DESC' },
  });
  const progetti = await manager.find(ProgettoEntity, {
    where: { cartellaId: id },
    order: { versione: 'DESC' },
  });
  const strumenti = await manager.find(StrumentoEntity);
  const equipe = await manager.find(PartecipazioneEntity, {
    where: { cartellaId: id, al: IsNull() },
    order: { dal: 'ASC', nome: 'ASC' },
  });
  const nucleo = await manager.find(MembroNucleoEntity, {
    where: { cartellaId: id },
    order: { posizione: 'ASC' },
  });
  const interventi = progetti.length
    ? await manager.find(InterventoEntity, {
        where: progetti.map((p) => ({ progettoId: p.id })),
        order: { posizione: 'ASC' },
      })
    : [];
  const risorse = progetti.length
    ? await manager.find(RisorsaProgettoEntity, {
        where: progetti.map((p) => ({ progettoId: p.id })),
        order: { posizione: 'ASC' },
      })
    : [];
  // The benefici misure granted to the person (interventi-misure/): never typed in the cartella.
  const interventiMisure = cartella.personaId
    ? await interventiDellaPersona(manager, cartella.personaId, giornoInItalia())
    : [];
  return {
    ...toCartellaSintesiV1(cartella, proposte),
    assegnazioni: assegnazioni.map((a) => ({
      caseManager: { id: a.caseManagerId, nome: a.caseManagerNome },
      assegnataDa: a.assegnataDa,
      dal: a.dal.toISOString(),
      al: a.al?.toISOString() ?? null,
      note: a.note,
    })),
    nucleo: nucleo.map((m) => ({
      cognome: m.cognome,
      nome: m.nome,
      codiceFiscale: m.codiceFiscale,
      dataNascita: m.dataNascita,
      relazione: m.relazione,
      convivente: m.convivente,
      caregiver: m.caregiver,
    })),
    equipe: equipe.map((p) => ({
      userId: p.userId,
      nome: p.nome,
      professione: p.professione,
      dal: p.dal.toISOString(),
    })),
    valutazioni: valutazioni.map((v) => toValutazioneV1(v, strumenti)),
    progetti: progetti.map((p) =>
      toProgettoV1(
        p,
        interventi.filter((i) => i.progettoId === p.id),
        risorse.filter((r) => r.progettoId === p.id),
      ),
    ),
    interventiMisure,
  };
}
