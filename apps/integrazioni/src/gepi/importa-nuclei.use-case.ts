import { giornoInItalia } from '@ambito/kernel';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  INTEGRAZIONI_GEPI_CHIAMATE,
  type ImportaNucleiGepiV1,
  type ImportazioneGepiV1,
  type PersonaPerIntegrazioniV1,
} from '@ambito/contracts';
import { AuditService, type Traccia } from '@ambito/audit';
import { ServiceCaller, currentActor } from '@ambito/messaging';
import { ImportazioniGepiRepository } from './importazioni.repository';
import { MAPPATURA_NUCLEI_CORRENTE } from './mappatura-nuclei';
import { FileGepiNonValido, validaNuclei, type NucleoGepi } from './valida-nuclei';

/**
 * Imports GePI's CSV of the ADI households assigned to the ambito (docs/gepi.md). The file is validated
 * row by row first, and any refused row refuses the file with every problem listed (GEPI_RIGHE_RIFIUTATE):
 * nothing is written anywhere. Then, with this service's identity, the applicants already in accesso's
 * registry are read (their data wins over the file's, and the cartella is linked to the persona), and
 * presa in carico registers all the households in one transaction (all or none). The same file again
 * (same SHA-256) returns the first import's result and calls nobody; a household of another file that
 * was already imported is `gia-presente` there.
 */
@Injectable()
export class ImportaNucleiGepiUseCase {
  constructor(
    private readonly importazioni: ImportazioniGepiRepository,
    private readonly chiamate: ServiceCaller,
    private readonly audit: AuditService,
  ) {}

  async esegui(dto: ImportaNucleiGepiV1): Promise<ImportazioneGepiV1> {
    const actor = currentActor();
    const impronta = createHash('sha256').update(dto.contenuto, 'utf8').digest('hex');
    const traccia: Traccia = { azione: 'importa-nuclei-gepi', risorsa: 'importazione-gepi' };
    const ripetuta = await this.importazioni.perImpronta(impronta);
    if (ripetuta) return ripetuta;

    const mappatura = MAPPATURA_NUCLEI_CORRENTE;
    let nuclei: NucleoGepi[];
    try {
      const esito = validaNuclei(dto.contenuto, mappatura, giornoInItalia());
      if (esito.rifiutate.length > 0) {
        const righe = new Set(esito.rifiutate.map((e) => e.campo.split(':')[0])).size;
        throw new DomainError(
          'GEPI_RIGHE_RIFIUTATE',
          `${righe} righe del file non sono valide: nessun nucleo è stato importato. Correggerle (o toglierle) e importare di nuovo il file.`,
          esito.rifiutate,
        );
      }
      nuclei = esito.nuclei;
    } catch (error) {
      const e =
        error instanceof FileGepiNonValido
          ? new DomainError(
              'GEPI_FILE_NON_VALIDO',
              error.message,
              error.dettagli.length ? error.dettagli : undefined,
            )
          : (error as Error);
      throw await this.audit.negato(actor, traccia, e);
    }

    const riferimento = `GePI ${impronta.slice(0, 12)}`;
    const anagrafe = await this.chiamate.chiama(
      INTEGRAZIONI_GEPI_CHIAMATE.persone,
      { codiciFiscali: nuclei.map((n) => n.codiceFiscale) },
      { motivo: `Importazione dei nuclei ADI da GePI (${riferimento})` },
    );
    const perCf = new Map<string, PersonaPerIntegrazioniV1>(anagrafe.map((p) => [p.codiceFiscale, p]));
    let registrazione;
    try {
      registrazione = await this.chiamate.chiama(
        INTEGRAZIONI_GEPI_CHIAMATE.nuclei,
        {
          riferimento,
          domande: nuclei.map((n) => {
            const p = perCf.get(n.codiceFiscale);
            return {
              riga: n.riga,
              codiceDomanda: n.codiceDomanda,
              // The registry is the reference for who the person is and where it lives.
              persona: {
                codiceFiscale: n.codiceFiscale,
                cognome: p?.cognome ?? n.cognome,
                nome: p?.nome ?? n.nome,
                dataNascita: p?.dataNascita ?? n.dataNascita,
                sesso: p?.sesso ?? n.sesso,
                comuneResidenza: p?.comuneResidenza ?? n.comuneResidenza,
              },
              personaId: p?.personaId ?? null,
              dataPad: n.dataPad,
              componenti: n.componenti,
            };
          }),
        },
        // Up to 500 households in one transaction: more than a single read. A timeout leaves the outcome
        // unknown, and the import is idempotent: sending the file again completes it or finds it done.
        { motivo: `Importazione dei nuclei ADI da GePI (${riferimento})`, timeoutMs: 30_000 },
      );
    } catch (error) {
      // Households presa in carico cannot take (a comune outside the ambito, a PAD before the ADI):
      // refused rows too, reported the same way; nothing was registered there.
      if (error instanceof DomainError && error.code === 'VALIDAZIONE_FALLITA' && error.details?.length)
        throw await this.audit.negato(
          actor,
          traccia,
          new DomainError(
            'GEPI_RIGHE_RIFIUTATE',
            `${error.details.length} righe del file non sono registrabili: nessun nucleo è stato importato.`,
            error.details,
          ),
        );
      throw error;
    }
    const righe = new Map(nuclei.map((n) => [n.codiceDomanda, n.riga]));
    return this.importazioni.dataSource.transaction(async (manager) => {
      const importazione = await this.importazioni.registra(manager, {
        impronta,
        nomeFile: dto.nomeFile,
        mappatura: mappatura.versione,
        personeInAnagrafe: anagrafe.length,
        importataDa: actor.userId,
        esiti: registrazione.esiti.map((e) => ({ ...e, riga: righe.get(e.codiceDomanda)! })),
      });
      await this.audit.consentito(manager, actor, [{ ...traccia, risorsaId: importazione.id }]);
      return importazione;
    });
  }
}
