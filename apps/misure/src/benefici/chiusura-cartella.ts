import type { CausaFineBeneficio, MotivoChiusura } from '@ambito/contracts';

/**
 * What the closure of a person's cartella in presa in carico does to the benefici still in force (issue
 * 10, points 1 and 7; rules 6, 7, 9 and 12 of regole-lombardia.md). A B2 is granted "previa valutazione e
 * progetto individuale" (rule 6) and every beneficiary must have one (rule 12); it is paid only for the
 * months of care actually given at home (rule 9). The closure says why the presa in carico — and the
 * progetto in force with it — ended:
 *
 * | motivo                   | effect                      | why                                                                                                  |
 * | ------------------------ | --------------------------- | ---------------------------------------------------------------------------------------------------- |
 * | decesso                  | cessazione (decesso)        | certain; from the closure's day at the latest: accesso's death record moves it back to the day itself |
 * | rinuncia                 | cessazione (rinuncia)       | the person gave up the presa in carico and the progetto the measure rests on                          |
 * | obiettivi-raggiunti      | revoca (decadenza)          | no progetto individuale in force any more: a requirement of the measure is lost (rule 12)            |
 * | trasferimento            | sospensione (open)          | care not given in the Ambito (rule 9); the decadenza is the Ufficio di Piano's act on the documents  |
 * | passaggio-altro-servizio | sospensione (open)          | another service takes over (ASST, a residence): compatibility to verify on documents (rule 7)        |
 *
 * A suspension is closed by the Ufficio di Piano (`misure.beneficio.sospensione-chiudi`) when the
 * person is taken in charge again or the other service is compatible. [B]: practice, not a text of law.
 */
export type EffettoChiusuraCartella =
  | {
      tipo: 'termina';
      causa: Extract<CausaFineBeneficio, 'decesso' | 'rinuncia' | 'decadenza'>;
      motivazione: string;
    }
  | { tipo: 'sospendi'; motivazione: string };

export function effettoChiusuraCartella(motivo: MotivoChiusura): EffettoChiusuraCartella {
  switch (motivo) {
    case 'decesso':
      return {
        tipo: 'termina',
        causa: 'decesso',
        motivazione:
          'Cartella chiusa per decesso: cessato dal giorno della chiusura, o dal giorno del decesso registrato in anagrafe.',
      };
    case 'rinuncia':
      return {
        tipo: 'termina',
        causa: 'rinuncia',
        motivazione: 'La persona ha rinunciato alla presa in carico e al progetto individuale della misura.',
      };
    case 'obiettivi-raggiunti':
      return {
        tipo: 'termina',
        causa: 'decadenza',
        motivazione:
          'Presa in carico conclusa con gli obiettivi raggiunti: senza progetto individuale in vigore la misura decade.',
      };
    case 'trasferimento':
      return {
        tipo: 'sospendi',
        motivazione:
          'Cartella chiusa per trasferimento: nessuna mensilità è dovuta finché l’Ufficio di Piano non decide sulla decadenza.',
      };
    case 'passaggio-altro-servizio':
      return {
        tipo: 'sospendi',
        motivazione:
          'Presa in carico passata a un altro servizio: sospeso finché l’Ufficio di Piano non ne verifica la compatibilità.',
      };
  }
}
