import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PRESA_IN_CARICO_RPC, type ValuesOf } from '@ambito/contracts';
import {
  subjectParts,
  type IdentityRefusal,
  type RpcRefusal,
  type RpcRefusalRecorder,
} from '@ambito/messaging';
import { AuditService, type Traccia } from '@ambito/audit';
import { ProgettoEntity } from '../progetti/progetto.entity';

type Subject = ValuesOf<typeof PRESA_IN_CARICO_RPC>['subject'];
type Richiesta = Record<string, unknown>;

/** The cartella reached through a request on a cartella (its `id`). */
const suCartella =
  (azione: string) =>
  (r: Richiesta): Traccia => {
    const id = uuid(r.id);
    return { azione, risorsa: 'cartella', risorsaId: id, soggettoId: id };
  };

/** A request on a project version: the cartella is the project's. */
const suProgetto = (azione: string) => (r: Richiesta) => ({
  azione,
  risorsa: 'progetto',
  risorsaId: uuid(r.id),
  progettoId: uuid(r.id),
});

/**
 * How each request refused for the actor's role is traced: the same row the service writes when it
 * refuses the request itself (same action and resource, the cartella concerned). The équipe list and the
 * instruments hold no personal data: their refusals are not traced. The audit log is about cartelle.
 */
const TRACCE: Partial<Record<Subject, (r: Richiesta) => Traccia & { progettoId?: string | null }>> = {
  'presa-in-carico.cartella.apri': () => ({ azione: 'apri', risorsa: 'cartella' }),
  'presa-in-carico.cartella.elenca': () => ({ azione: 'elenca', risorsa: 'cartella' }),
  'presa-in-carico.cartella.leggi': suCartella('leggi'),
  'presa-in-carico.cartella.assegna': suCartella('assegna'),
  'presa-in-carico.cartella.assegna-equipe': suCartella('assegna-equipe'),
  'presa-in-carico.nucleo.aggiorna': suCartella('aggiorna-nucleo'),
  'presa-in-carico.cartella.chiudi': suCartella('chiudi'),
  'presa-in-carico.cartella.trasferisci': suCartella('trasferisci'),
  'presa-in-carico.diario.annota': suCartella('annota-diario'),
  'presa-in-carico.diario.leggi': suCartella('leggi-diario'),
  'presa-in-carico.valutazione.registra': suCartella('registra-valutazione'),
  'presa-in-carico.progetto.proponi': suCartella('proponi-progetto'),
  'presa-in-carico.progetto.approva': suProgetto('approva-progetto'),
  'presa-in-carico.progetto.respingi': suProgetto('respingi-progetto'),
  'presa-in-carico.verifica.registra': suProgetto('registra-verifica'),
  'presa-in-carico.equipe.registra': (r) => ({
    azione: 'registra-membro',
    risorsa: 'equipe',
    risorsaId: `${String(r.subAmbito)}/${String(r.userId)}`,
  }),
  'presa-in-carico.audit.elenca': (r) => ({
    azione: 'elenca',
    risorsa: 'audit',
    soggettoId: uuid(r.cartellaId),
  }),
  'presa-in-carico.statistiche.conteggi': () => ({ azione: 'conteggi', risorsa: 'statistiche' }),
  'presa-in-carico.monitoraggio.carico-lavoro': () => ({ azione: 'carico-lavoro', risorsa: 'statistiche' }),
  'presa-in-carico.monitoraggio.avvisi': () => ({ azione: 'avvisi', risorsa: 'statistiche' }),
};

/**
 * A request on cartelle refused for the actor's role is an audited refusal like the others; one whose
 * actor is not verified too, on every subject.
 */
@Injectable()
export class RifiutiRpcRecorder implements RpcRefusalRecorder {
  constructor(
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async recordRefusal({ declaration, actor, error, request }: RpcRefusal): Promise<void> {
    const traccia = TRACCE[declaration.subject as Subject];
    if (!traccia) return;
    const { progettoId, ...resto } = traccia(
      request && typeof request === 'object' ? (request as Richiesta) : {},
    );
    const soggettoId = progettoId
      ? ((await this.dataSource.manager.findOneBy(ProgettoEntity, { id: progettoId }))?.cartellaId ?? null)
      : (resto.soggettoId ?? null);
    await this.audit.negato(actor, { ...resto, soggettoId }, error);
  }

  /** On every subject, named as above where it is traced; nothing of the unverified request is read. */
  async recordIdentityRefusal({ declaration, error }: IdentityRefusal): Promise<void> {
    const traccia = TRACCE[declaration.subject as Subject]?.({}) ?? subjectParts(declaration.subject);
    await this.audit.identitaNonVerificata(traccia, error);
  }
}

function uuid(value: unknown): string | null {
  return typeof value === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
    ? value
    : null;
}
