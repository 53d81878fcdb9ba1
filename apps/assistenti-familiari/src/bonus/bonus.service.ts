import { giornoInItalia } from '@ambito/kernel';
import { PERSONA } from '../sportello/contesto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ASSISTENTI_FAMILIARI_EVENTS,
  DomainError,
  type EsitoVerificaBonusV1,
  type RegistraEsitoBonusV1,
  type RiepilogoBonusPdfV1,
  type VerificaBonusV1,
} from '@ambito/contracts';
import { AuditService } from '@ambito/audit';
import { OutboxWriter, currentActor } from '@ambito/messaging';
import { assistenteIscritto } from '../abbinamento/schede.sql';
import { contrattoPerId } from '../contratti/contratti.sql';
import { contrattoNonTrovato, titolareContratto } from '../contratti/contratti.service';
import {
  CONTESTO_SPORTELLO,
  fuoriDalSubAmbito,
  vedeFascicolo,
  type ContestoSportello,
} from '../sportello/contesto';
import {
  inserisciVerifica,
  registraEsito,
  toEsitoVerificaBonusV1,
  verificaPerId,
  type VerificaBonusRow,
} from './bonus.sql';
import { regoleBonusInVigore, REGOLE_BONUS } from './regole-bonus';
import { riepilogoBonusPdf } from './riepilogo-bonus';
import { verificaBonus, type DatiVerificaBonus } from './verifica-bonus';

const verificaNonTrovata = () =>
  new DomainError('VERIFICA_BONUS_NON_TROVATA', 'Verifica del Bonus non trovata.');

/**
 * The sportello supports the Bonus assistenti familiari (rule 22): a pre-check with the rules in force,
 * what the contract and the register say taken from them (who holds the contract, whether it is
 * regular, whether the assistant is enrolled), the rest declared by the family; its PDF; the outcome the
 * family reports, published for the cumulation per assistant in misure (rule 10).
 */
@Injectable()
export class BonusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditService,
    @Inject(CONTESTO_SPORTELLO) private readonly contesto: ContestoSportello,
  ) {}

  async verifica(dto: VerificaBonusV1): Promise<EsitoVerificaBonusV1> {
    const actor = currentActor();
    const contratto = await contrattoPerId(this.dataSource.manager, dto.contrattoId);
    if (!contratto) throw contrattoNonTrovato();
    if (!vedeFascicolo(actor, this.contesto, titolareContratto(contratto))) throw fuoriDalSubAmbito();
    const giorno = giornoInItalia();
    const dati: DatiVerificaBonus = {
      giorno,
      richiedente: dto.richiedente,
      richiedenteIntestatario: dto.richiedente === contratto.datore,
      isee: dto.isee,
      assistenteIscritto:
        contratto.assistente_id !== null &&
        (await assistenteIscritto(this.dataSource.manager, contratto.assistente_id)),
      contrattoRegolare: contratto.comunicazione_inps !== null,
      residenteInLombardiaDal: dto.residenteInLombardiaDal,
      speseAmmissibiliCentesimi: dto.speseAmmissibiliCentesimi,
    };
    const esito = verificaBonus(dati, regoleBonusInVigore(giorno));
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await inserisciVerifica(manager, { id, contrattoId: contratto.id, dati, esito, da: actor.userId });
      await this.audit.consentito(manager, actor, [
        {
          azione: 'verifica-bonus',
          risorsa: 'verifica-bonus',
          risorsaId: id,
          soggettoId: contratto.persona_id,
          soggettoTipo: PERSONA,
        },
      ]);
    });
    return toEsitoVerificaBonusV1((await verificaPerId(this.dataSource.manager, id))!);
  }

  async leggi(id: string): Promise<EsitoVerificaBonusV1> {
    return toEsitoVerificaBonusV1(await this.verificaLetta(id, 'leggi'));
  }

  async riepilogo(id: string): Promise<RiepilogoBonusPdfV1> {
    const verifica = await this.verificaLetta(id, 'stampa');
    const regole = REGOLE_BONUS.find((r) => r.versione === verifica.versione_regole);
    const pdf = riepilogoBonusPdf(toEsitoVerificaBonusV1(verifica), {
      ambito: this.contesto.territorio.ambito.denominazione,
      richiedente: verifica.dati.richiedente,
      speseAmmissibili: regole?.speseAmmissibili ?? 'spese ammissibili',
    });
    return { nomeFile: `bonus-assistenti-familiari-${verifica.id}.pdf`, pdfBase64: pdf.toString('base64') };
  }

  async registraEsito(dto: RegistraEsitoBonusV1): Promise<EsitoVerificaBonusV1> {
    const actor = currentActor();
    if (dto.esito === 'accolta' && dto.importoRiconosciutoCentesimi === null)
      throw new DomainError(
        'VALIDAZIONE_FALLITA',
        'Con la domanda accolta serve l’importo riconosciuto dalla Regione.',
        [{ campo: 'importoRiconosciutoCentesimi', messaggi: ['obbligatorio se accolta'] }],
      );
    const importo = dto.esito === 'accolta' ? dto.importoRiconosciutoCentesimi! : 0;
    await this.dataSource.transaction(async (manager) => {
      const verifica = await verificaPerId(manager, dto.id, { blocca: true });
      if (!verifica) throw verificaNonTrovata();
      if (verifica.esito_regione !== null)
        throw new DomainError(
          'TRANSIZIONE_NON_CONSENTITA',
          'L’esito di questa domanda è già stato registrato.',
        );
      const contratto = (await contrattoPerId(manager, verifica.contratto_id))!;
      if (!vedeFascicolo(actor, this.contesto, titolareContratto(contratto))) throw fuoriDalSubAmbito();
      await registraEsito(manager, verifica.id, {
        esito: dto.esito,
        importoCentesimi: dto.esito === 'accolta' ? importo : null,
        annualita: dto.annualita,
        da: actor.userId,
      });
      await this.outbox.append(manager, ASSISTENTI_FAMILIARI_EVENTS.esitoBonusRegistrato, {
        verificaId: verifica.id,
        contrattoId: contratto.id,
        personaId: contratto.persona_id,
        assistenteId: contratto.assistente_id,
        annualita: dto.annualita,
        esito: dto.esito,
        importoCentesimi: importo,
      });
      await this.audit.consentito(manager, actor, [
        {
          azione: 'esito-bonus',
          risorsa: 'verifica-bonus',
          risorsaId: verifica.id,
          soggettoId: contratto.persona_id,
          soggettoTipo: PERSONA,
        },
      ]);
    });
    return toEsitoVerificaBonusV1((await verificaPerId(this.dataSource.manager, dto.id))!);
  }

  private async verificaLetta(id: string, azione: string): Promise<VerificaBonusRow> {
    const actor = currentActor();
    const traccia = { azione, risorsa: 'verifica-bonus', risorsaId: id };
    const verifica = await verificaPerId(this.dataSource.manager, id);
    if (!verifica) throw await this.audit.negato(actor, traccia, verificaNonTrovata());
    const contratto = await contrattoPerId(this.dataSource.manager, verifica.contratto_id);
    if (contratto && !vedeFascicolo(actor, this.contesto, titolareContratto(contratto)))
      throw await this.audit.negato(actor, traccia, fuoriDalSubAmbito());
    await this.audit.consentito(this.dataSource.manager, actor, [
      { ...traccia, soggettoId: contratto?.persona_id ?? null, soggettoTipo: PERSONA },
    ]);
    return verifica;
  }
}
