import type { InterventoMisuraModificatoV1 } from '@ambito/contracts';
import { aggiungiGiorni } from '../erogazioni/giorni';

/**
 * What a change of the progetto of presa in carico does to the beneficio the changed intervento is
 * (issue 10, point 1; rules 6, 9 and 12 of regole-lombardia.md). A B2 is granted "previa valutazione e
 * progetto individuale" (rule 6), every beneficiary has one (rule 12), and it is paid only for the months
 * of care actually given at home (rule 9). So, of what the progetto in force now says:
 *
 * | regola                            | when                                              | effect                                   |
 * | --------------------------------- | ------------------------------------------------- | ---------------------------------------- |
 * | progetto-intervento-terminato     | the intervento was left out of the new version    | decadenza from the day after its end     |
 * | progetto-fine-anticipata          | its last day is before the beneficio's            | decadenza from the day after that day    |
 * | beneficio-gia-terminato           | the beneficio ended already by then or earlier    | none: an end only moves earlier          |
 * | progetto-fine-oltre-concessione   | its last day is after the beneficio's             | none: a concessione is not prolonged     |
 * | progetto-fine-concessione         | its last day is the beneficio's                   | none                                     |
 * | progetto-sospensione              | a suspension stated or changed                    | the beneficio suspended for that period  |
 * | progetto-sospensione-revocata     | the suspension removed from the progetto          | its suspension annulled (paid again)     |
 *
 * A suspension removed is annulled, not closed: the progetto no longer says care was interrupted. To
 * resume from a day, the progetto states the suspension's last day. [B]: practice, not a text of law.
 */
export type EffettoRitorno =
  | { tipo: 'termina'; dal: string; regola: string; motivazione: string }
  | { tipo: 'sospendi'; dal: string; al: string | null; regola: string; motivazione: string }
  | { tipo: 'annulla-sospensione'; sospensioneId: string; regola: string; motivazione: string }
  | { tipo: 'nessuno'; regola: string; motivazione: string };

/** The beneficio as the decision reads it. */
export interface BeneficioPerRitorno {
  dal: string;
  al: string;
  termina_dal: string | null;
}

/** The suspension recorded from this link of the progetto, if any and not annulled. */
export interface SospensioneDalProgetto {
  id: string;
  dal: string;
  al: string | null;
}

export function effettiRitornoProgetto(
  b: BeneficioPerRitorno,
  p: Pick<InterventoMisuraModificatoV1, 'modifiche' | 'al' | 'sospensione' | 'versione'>,
  sospensione: SospensioneDalProgetto | null,
): EffettoRitorno[] {
  const effetti: EffettoRitorno[] = [];
  const v = `versione ${p.versione} del progetto`;
  if (p.modifiche.includes('terminato') || p.modifiche.includes('fine-modificata')) {
    const terminato = p.modifiche.includes('terminato');
    const dal = aggiungiGiorni(p.al, 1) < b.dal ? b.dal : aggiungiGiorni(p.al, 1);
    if (b.termina_dal !== null && b.termina_dal <= dal)
      effetti.push({
        tipo: 'nessuno',
        regola: 'beneficio-gia-terminato',
        motivazione: `Il beneficio non è dovuto dal ${b.termina_dal}: una fine si anticipa soltanto, la ${v} non la sposta.`,
      });
    else if (p.al > b.al)
      effetti.push({
        tipo: 'nessuno',
        regola: 'progetto-fine-oltre-concessione',
        motivazione: `La ${v} fa finire l’intervento il ${p.al}, dopo la fine della concessione (${b.al}): il beneficio non si prolunga, serve una nuova concessione.`,
      });
    else if (p.al === b.al)
      effetti.push({
        tipo: 'nessuno',
        regola: 'progetto-fine-concessione',
        motivazione: `La ${v} fa finire l’intervento con la concessione (${b.al}): nulla cambia.`,
      });
    else
      effetti.push({
        tipo: 'termina',
        dal,
        regola: terminato ? 'progetto-intervento-terminato' : 'progetto-fine-anticipata',
        motivazione: terminato
          ? `Intervento terminato dalla ${v}: senza progetto individuale che lo preveda la misura decade dal ${dal}.`
          : `La ${v} fa finire l’intervento il ${p.al}: la misura decade dal ${dal}, nessuna mensilità è dovuta da quel giorno.`,
      });
  }
  if (p.modifiche.includes('sospensione-modificata')) {
    const s = p.sospensione;
    if (s && (!sospensione || sospensione.dal !== s.dal || sospensione.al !== (s.al ?? null)))
      effetti.push({
        tipo: 'sospendi',
        dal: s.dal,
        al: s.al ?? null,
        regola: 'progetto-sospensione',
        motivazione: `Intervento sospeso dalla ${v} dal ${s.dal}${s.al ? ` al ${s.al}` : ''}: nessuna mensilità per i giorni di cura non prestata al domicilio.`,
      });
    else if (!s && sospensione)
      effetti.push({
        tipo: 'annulla-sospensione',
        sospensioneId: sospensione.id,
        regola: 'progetto-sospensione-revocata',
        motivazione: `La ${v} non sospende più l’intervento: la sospensione dal ${sospensione.dal} è annullata.`,
      });
  }
  if (effetti.length === 0)
    effetti.push({
      tipo: 'nessuno',
      regola: 'nessun-cambiamento',
      motivazione: `La ${v} dice del beneficio ciò che è già registrato: nulla cambia.`,
    });
  return effetti;
}
