import type { EsitoVerificaBonusV1 } from '@ambito/contracts';
import { scriviPdf, type RigaPdf } from '../pdf/pdf-semplice';
import { euro } from './verifica-bonus';

const DATORE: Record<string, string> = {
  assistito: 'la persona assistita',
  familiare: 'un familiare',
  'amministratore-sostegno': 'l’amministratore di sostegno',
  tutore: 'il tutore',
};

const data = (giorno: string) => giorno.split('-').reverse().join('/');

/**
 * The printable summary for the family: what was checked, with which rules, the estimated amount and
 * what to do next. No name, codice fiscale or ISEE document is printed: the family keeps it with its own
 * papers and the sportello can print it again.
 */
export function riepilogoBonusPdf(
  verifica: EsitoVerificaBonusV1,
  contesto: { ambito: string; richiedente: string; speseAmmissibili: string },
): Buffer {
  const righe: (RigaPdf | 'spazio')[] = [
    { testo: 'Bonus assistenti familiari — verifica preliminare', stile: 'titolo' },
    { testo: `${contesto.ambito} · Sportello assistenti familiari`, stile: 'nota' },
    'spazio',
    { testo: `Verifica del ${data(verifica.giorno)}, regole ${verifica.versioneRegole}`, stile: 'normale' },
    { testo: `Riferimento: ${verifica.id}`, stile: 'nota' },
    { testo: `Richiedente: ${DATORE[contesto.richiedente] ?? contesto.richiedente}`, stile: 'normale' },
    'spazio',
    { testo: 'Requisiti', stile: 'sottotitolo' },
    ...verifica.requisiti.map((r) => ({
      testo: `${r.soddisfatto ? '[sì]' : '[no]'} ${r.spiegazione}`,
      stile: r.soddisfatto ? ('normale' as const) : ('grassetto' as const),
    })),
    'spazio',
    { testo: 'Esito', stile: 'sottotitolo' },
  ];
  if (verifica.ammissibile && verifica.calcolo) {
    const c = verifica.calcolo;
    righe.push(
      { testo: 'I requisiti risultano soddisfatti: la domanda può essere presentata.', stile: 'grassetto' },
      {
        testo: `Spese ammissibili (${contesto.speseAmmissibili}): ${euro(c.speseAmmissibiliCentesimi)}; il ${c.percentualeSpese}% è ${euro(c.quotaSpeseCentesimi)}; massimale della fascia ISEE ${euro(c.massimaleCentesimi)}.`,
      },
      { testo: `Importo stimato: ${euro(c.importoCentesimi)}`, stile: 'sottotitolo' },
    );
  } else {
    righe.push({
      testo:
        'Uno o più requisiti non risultano soddisfatti: vedere le voci segnate [no] prima di presentare la domanda.',
      stile: 'grassetto',
    });
  }
  righe.push(
    'spazio',
    {
      testo:
        'La domanda si presenta sulla piattaforma regionale Bandi e Servizi con SPID, CIE o CNS: la Regione decide ed eroga nei limiti del fondo. Questa verifica dello sportello non è un provvedimento e non garantisce il contributo.',
      stile: 'nota',
    },
    {
      testo:
        'Riferite allo sportello l’esito della domanda: serve per il cumulo con le altre misure per lo stesso assistente.',
      stile: 'nota',
    },
  );
  return scriviPdf({ titolo: 'Bonus assistenti familiari — verifica preliminare', righe });
}
