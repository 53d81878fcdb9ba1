import { BUDGET_RPC } from '../budget/v1/budget.messages';
import { chiamata } from '../common/declarations';

/*
 * The requests the misure service (not built yet) sends to budget with its own identity: it commits,
 * liquidates and reduces the money of the measures it pays, only on the lines and articoli the Ufficio
 * di Piano grants it (abilitazione_servizio), never with a person's role. No read: the replies carry
 * what it needs (the impegno, BUDGET_INSUFFICIENTE when the money is not there).
 *
 * Here and not in `libs/contracts/src/misure/` because the service generator creates that folder (and
 * refuses a name whose contracts exist): when `nx g @ambito/tools:service misure` runs, move
 * MISURE_CHIAMATE into its `misure.messages.ts`, next to PRESA_IN_CARICO_CHIAMATE's kind.
 */
export const MISURE_CHIAMATE = {
  impegno: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.richiediImpegno,
    finalita: 'gestione-contabile',
    descrizione:
      'Impegna la spesa di una misura concessa (determina, beneficiario) sull’articolo della misura, dove l’Ufficio di Piano lo abilita.',
  }),
  liquidazione: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.registraLiquidazione,
    finalita: 'gestione-contabile',
    descrizione:
      'Liquida la mensilità o l’importo una tantum dovuto al beneficiario su un impegno della misura.',
  }),
  riduzione: chiamata({
    servizio: 'misure',
    rpc: BUDGET_RPC.riduciImpegno,
    finalita: 'gestione-contabile',
    descrizione:
      'Riduce l’impegno di una misura che cessa, decade o è revocata: il non liquidato torna disponibile.',
  }),
} as const;
