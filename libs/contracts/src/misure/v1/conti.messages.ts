import { rpc } from '../../common/declarations';
import {
  BudgetProgettoDdnV1,
  CreaGruppoAppartamentoV1,
  DimettiDaGruppoV1,
  EsitoCumuloV1,
  GruppoAppartamentoIdV1,
  GruppoAppartamentoV1,
  InserisciInGruppoV1,
  LeggiProgettoProViV1,
  LeggiRendicontazioneFnaV1,
  LeggiRendicontoMisureV1,
  ProgettoProViV1,
  RegistraBudgetProgettoDdnV1,
  RegistraContrattoAssistenteV1,
  RegistraContributoAssistenteV1,
  RegistraProgettoProViV1,
  RegistraRendicontoProViV1,
  RendicontazioneFnaV1,
  RendicontoMisureV1,
  VerificaCumuloV1,
} from './conti.dto';

/*
 * The measures' accounts (issue 10, points 4–6 and 8; lane misure-conti), spread into MISURE_RPC and
 * kept apart so each lane edits its own file. The Ufficio di Piano keeps them; reads of a person's
 * project are personal (purpose and audit), the reports are aggregates.
 */
export const MISURE_CONTI_RPC = {
  registraProgettoProVi: rpc({
    subject: 'misure.pro-vi.progetto.registra',
    request: RegistraProgettoProViV1,
    reply: ProgettoProViV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra il progetto Pro.Vi. di un beneficiario (macroaree, importo concesso) con le regole in vigore: massimale e cofinanziamento.',
  }),
  registraRendicontoProVi: rpc({
    subject: 'misure.pro-vi.rendiconto.registra',
    request: RegistraRendicontoProViV1,
    reply: ProgettoProViV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra un rendiconto a consuntivo (cedolini, fatture con ore × costo orario): spese ammesse o escluse con il motivo, rimborso entro il massimale, quota dell’Ambito.',
  }),
  leggiProgettoProVi: rpc({
    subject: 'misure.pro-vi.progetto.leggi',
    request: LeggiProgettoProViV1,
    reply: ProgettoProViV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Un progetto Pro.Vi. con i rendiconti, il rimborsato, il residuo e il cofinanziamento 80/20.',
    letturaDatiPersonali: true,
  }),
  registraBudgetProgettoDdn: rpc({
    subject: 'misure.dopo-di-noi.budget.registra',
    request: RegistraBudgetProgettoDdnV1,
    reply: BudgetProgettoDdnV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra una nuova versione del budget di progetto del Dopo di Noi: fonti e interventi, ciascun contributo entro il massimale del suo tipo.',
  }),
  creaGruppoAppartamento: rpc({
    subject: 'misure.dopo-di-noi.gruppo.crea',
    request: CreaGruppoAppartamentoV1,
    reply: GruppoAppartamentoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra un gruppo appartamento con i suoi posti, mai oltre il massimo delle regole (5 nel 2025).',
  }),
  inserisciInGruppo: rpc({
    subject: 'misure.dopo-di-noi.gruppo.inserisci',
    request: InserisciInGruppoV1,
    reply: GruppoAppartamentoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Una persona entra in un gruppo appartamento: rifiutato se i posti sono tutti occupati.',
  }),
  dimettiDaGruppo: rpc({
    subject: 'misure.dopo-di-noi.gruppo.dimetti',
    request: DimettiDaGruppoV1,
    reply: GruppoAppartamentoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Una persona lascia il gruppo appartamento dal giorno indicato: il posto si libera.',
  }),
  leggiGruppoAppartamento: rpc({
    subject: 'misure.dopo-di-noi.gruppo.leggi',
    request: GruppoAppartamentoIdV1,
    reply: GruppoAppartamentoV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione: 'Un gruppo appartamento con i posti e le persone presenti.',
    letturaDatiPersonali: true,
  }),
  registraContrattoAssistente: rpc({
    subject: 'misure.cumulo.contratto.registra',
    request: RegistraContrattoAssistenteV1,
    reply: EsitoCumuloV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra (o aggiorna) il costo della retribuzione del contratto di un assistente familiare: la base del cumulo della regola 10.',
  }),
  registraContributoAssistente: rpc({
    subject: 'misure.cumulo.contributo.registra',
    request: RegistraContributoAssistenteV1,
    reply: EsitoCumuloV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Registra un contributo per il contratto di un assistente (B2, Bonus, Dopo di Noi): rifiutato con CUMULO_OLTRE_COSTO se con gli altri supera il costo della retribuzione.',
  }),
  verificaCumulo: rpc({
    subject: 'misure.cumulo.verifica',
    request: VerificaCumuloV1,
    reply: EsitoCumuloV1,
    ruoli: ['ufficio-di-piano'],
    ambito: 'ambito',
    descrizione:
      'Quanto di un contributo si può pagare in un mese per lo stesso assistente: entro il costo della retribuzione, tolti gli altri contributi.',
  }),
  leggiRendiconto: rpc({
    subject: 'misure.rendiconti.leggi',
    request: LeggiRendicontoMisureV1,
    reply: RendicontoMisureV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione:
      'Rendiconto dell’anno per misura, area, strumento o comune: beneficiari, mensilità, importi, sospensioni, con gli indicatori del Piano di Zona e un grafico SVG.',
  }),
  leggiRendicontazioneFna: rpc({
    subject: 'misure.rendiconti.fna',
    request: LeggiRendicontazioneFnaV1,
    reply: RendicontazioneFnaV1,
    ruoli: ['ufficio-di-piano', 'amministratore'],
    ambito: 'ambito',
    descrizione: 'La rendicontazione FNA dell’anno alla Regione: beneficiari e importi per strumento.',
  }),
} as const;
