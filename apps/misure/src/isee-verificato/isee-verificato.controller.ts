import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  MISURE_RPC,
  type IstanzaPerIseeV1,
  type LeggiIstanzaPerIseeV1,
} from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { RpcController, RpcHandler, currentActor } from '@ambito/messaging';
import { formatoProtocollo, istanzaPerId } from '../istanze/istanze.sql';

/**
 * `misure.istanza.leggi-per-isee` (the integrazioni service's identity only): what the ISEE verification
 * at INPS needs of an istanza — persona id, protocol, day of presentation, who presented it, and the
 * types and DSU protocols declared (never the declared values). Every read is audited with the calling
 * service and its purpose.
 */
@RpcController()
export class IseeVerificatoController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @RpcHandler(MISURE_RPC.leggiIstanzaPerIsee)
  async leggiPerIsee(dto: LeggiIstanzaPerIseeV1): Promise<IstanzaPerIseeV1> {
    const actor = currentActor();
    const istanza = await istanzaPerId(this.dataSource.manager, dto.istanzaId);
    const traccia: Traccia = {
      azione: 'leggi-per-isee',
      risorsa: 'istanza',
      risorsaId: dto.istanzaId,
      soggettoId: istanza ? istanza.persona_id : null,
    };
    if (!istanza)
      throw await this.audit.negato(
        actor,
        traccia,
        new DomainError('ISTANZA_NON_TROVATA', 'Istanza non trovata.'),
      );
    await this.audit.consentito(this.dataSource.manager, actor, [traccia]);
    return {
      istanzaId: istanza.id,
      personaId: istanza.persona_id,
      protocollo: formatoProtocollo(istanza.ambito, istanza.protocollo_anno, istanza.protocollo_numero),
      giornoProtocollo: istanza.giorno_protocollo,
      presentataDa: istanza.presentata_da,
      dichiarati: istanza.dati.isee.map((a) => ({ tipo: a.tipo, protocolloDsu: a.protocolloDsu })),
    };
  }
}
