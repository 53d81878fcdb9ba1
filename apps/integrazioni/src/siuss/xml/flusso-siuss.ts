import { XMLBuilder } from 'fast-xml-parser';
import type { SinaSiuss } from '../codici/sina-siuss';

/*
 * The PS-PSA-SINA document (specs/inps-waas/PS_PSA_SINA201812.xsd, namespace http://inps.it/Casellario):
 * built from plain data, attribute by attribute, in the order of the schema. Only XSD-valid documents
 * leave the service (ValidatoreXsd): this module builds, it does not judge.
 */

export const NAMESPACE_CASELLARIO = 'http://inps.it/Casellario';

export interface EnteSiuss {
  /** Codice Belfiore of the ente erogatore (EEEEE of id_flusso, codice_ente of the API). */
  codice: string;
  denominazione: string;
  /** Belfiore of the ente's seat. */
  indirizzo: string;
  /** Codice fiscale of the ente (11 digits) or of its operator. */
  cfOperatore: string;
}

export interface AnagraficaSiuss {
  codiceFiscale: string;
  cognome: string;
  nome: string;
  annoNascita: string;
  luogoNascita: string;
  genere: '1' | '2';
  codiceCittadinanza: string;
  codiceNazione: string;
  codiceRegione: string | null;
  codiceComune: string | null;
}

/** PrestazioniSociali: attribute names as in the XSD, values already formatted. */
export interface PrestazioneSiuss {
  TipoOperazione: 'I' | 'C';
  PresenzaProvaMezzi: string;
  CaratterePrestazione: '1' | '2';
  NumeroProtocolloDSU?: string;
  AnnoProtocolloDSU?: string;
  DataDSU?: string;
  CodicePrestazione: string;
  DenominazionePrestazione: string;
  ProtocolloDomanda: string;
  DataEvento?: string;
  DataInizioPrestazione?: string;
  DataFinePrestazione?: string;
  DataErogazionePrestazione?: string;
  ImportoPrestazione?: string;
  PeriodoErogazione?: string;
  ImportoMensile?: string;
  PresaCarico: '1' | '2';
  AreaUtenza?: string;
  /** The SINA section (disability and non-self-sufficiency), the only child of PrestazioniSociali. */
  SINA?: SinaSiuss;
}

export interface BeneficiarioSiuss {
  anagrafica: AnagraficaSiuss;
  prestazioni: PrestazioneSiuss[];
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
});

const attributi = (record: Record<string, string | null | undefined>) =>
  Object.fromEntries(
    Object.entries(record)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [`@_${k}`, v]),
  );

/** The flow document: one Beneficiario per flow through the API, several in an upload batch. */
export function documentoFlusso(nome: string, ente: EnteSiuss, beneficiari: BeneficiarioSiuss[]): string {
  const documento = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Flusso: {
      '@_xmlns': NAMESPACE_CASELLARIO,
      IdentificazioneFlusso: {
        '@_Nome': nome,
        Ente: attributi({
          Codice: ente.codice,
          Denominazione: ente.denominazione,
          Indirizzo: ente.indirizzo,
          CFOperatore: ente.cfOperatore,
        }),
      },
      Beneficiario: beneficiari.map(({ anagrafica: a, prestazioni }) => ({
        '@_CodiceFiscale': a.codiceFiscale,
        Anagrafica: attributi({
          Cognome: a.cognome,
          Nome: a.nome,
          AnnoNascita: a.annoNascita,
          LuogoNascita: a.luogoNascita,
          Genere: a.genere,
          CodiceCittadinanza: a.codiceCittadinanza,
        }),
        Indirizzo: attributi({
          CodiceRegione: a.codiceRegione,
          CodiceComune: a.codiceComune,
          CodiceNazione: a.codiceNazione,
        }),
        PrestazioniSociali: prestazioni.map(({ SINA, ...p }) => ({
          ...attributi({ ...p }),
          ...(SINA ? { SINA: sezioneSina(SINA) } : {}),
        })),
      })),
    },
  };
  return builder.build(documento) as string;
}

/** SINAType: its attributes, then NecessitaInterventiSociali and InvaliditaCivile in the XSD's order. */
function sezioneSina(s: SinaSiuss) {
  return {
    ...attributi(s.attributi),
    ...(s.necessitaInterventiSociali.length > 0
      ? { NecessitaInterventiSociali: { CodicePrestazione: s.necessitaInterventiSociali } }
      : {}),
    ...(s.invaliditaCivile.length > 0 ? { InvaliditaCivile: { InvCiv: s.invaliditaCivile } } : {}),
  };
}
