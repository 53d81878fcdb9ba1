import { IsIn, IsString, IsUUID, Matches } from 'class-validator';
import { GIORNO_ESISTENTE } from '../../common/giorno';
import { Annidato, Descrizione, DescrizioneClasse } from '../../common/schema-decorators';
import { PROTOCOLLO_DSU } from './dati-istanza.dto';
import { TIPI_ISEE, type TipoIsee } from './vocabolari';

/** `misure.istanza.leggi-per-isee`: the istanza whose declared ISEE the integrazioni service verifies. */
export class LeggiIstanzaPerIseeV1 {
  @IsUUID()
  istanzaId: string;
}

/** A declared attestation as INPS is asked about it: its type and DSU protocol, not its value. */
export class IseeDichiaratoPerVerificaV1 {
  @IsIn(TIPI_ISEE)
  tipo: TipoIsee;

  @Matches(PROTOCOLLO_DSU)
  protocolloDsu: string;
}

/** What a consultation at INPS needs of an istanza: the persona (by id), the protocol, the declared types. */
@DescrizioneClasse('Ciò che serve a verificare presso INPS l’ISEE dichiarato in un’istanza')
export class IstanzaPerIseeV1 {
  @IsUUID()
  istanzaId: string;

  @IsUUID()
  personaId: string;

  @IsString()
  @Descrizione('Numero di protocollo dell’istanza (ProtocolloDomandaEnteErogatore)')
  protocollo: string;

  @Matches(GIORNO_ESISTENTE)
  @Descrizione('Giorno di presentazione: la validità dell’ISEE è chiesta a quel giorno')
  giornoProtocollo: string;

  @IsString()
  @Descrizione('L’operatore che ha presentato l’istanza (chi chiede la verifica)')
  presentataDa: string;

  @Annidato(() => IseeDichiaratoPerVerificaV1, { lista: true })
  dichiarati: IseeDichiaratoPerVerificaV1[];
}
