import { randomUUID } from 'node:crypto';
import { MISURE_RPC, type PresentaIstanzaV1 } from '@ambito/contracts';
import { ATTORI, type TestMisure } from './misure-harness';
import { ANNO, dichiarazioni, giorno, inserisciRegole } from './regole-di-prova';

export const CREMA = '019035';
export const PANDINO = '019067';

/** A published B2 avviso of this year whose window contains today (and the rule set in force). */
export async function avvisoPubblicato(
  svc: TestMisure,
  finestra: { apertura?: string; chiusura?: string } = {},
): Promise<string> {
  const [regole] = await svc.sql<{ id: string }>(
    `SELECT id FROM regole_misura WHERE misura = 'b2' AND annualita = $1`,
    [ANNO],
  );
  if (!regole) await inserisciRegole(svc, { annualita: ANNO, validoDal: `${ANNO}-01-01` });
  const avviso = await svc.as(ATTORI.udp)(MISURE_RPC.creaAvviso, {
    misura: 'b2',
    annualita: ANNO,
    titolo: `Misura B2 ${ANNO}`,
    apertura: finestra.apertura ?? giorno(-10),
    // An avviso is published before its window ends: a window already over is set after.
    chiusura: finestra.chiusura && finestra.chiusura >= giorno() ? finestra.chiusura : giorno(10),
    decorrenza: giorno(20),
    mesi: 12,
    graduatorie: [
      { area: 'anziani', strumento: 'buono-caregiver', linea: '7.10.1', budgetCentesimi: 12_000_000 },
      { area: 'anziani', strumento: 'buono-assistente', linea: '7.10.1', budgetCentesimi: 9_600_000 },
    ],
  });
  await svc.as(ATTORI.udp)(MISURE_RPC.pubblicaAvviso, { id: avviso.id });
  if (finestra.chiusura && finestra.chiusura < giorno())
    await svc.sql(`UPDATE avviso SET chiusura = $2 WHERE id = $1`, [avviso.id, finestra.chiusura]);
  return avviso.id;
}

/** A person accesso knows (in the stand-in sources): 75 years old, at home, resident in `comune`. */
export function persona(svc: TestMisure, comune: string = CREMA): string {
  const personaId = randomUUID();
  svc.fonti.persone.set(personaId, {
    personaId,
    dataNascita: `${ANNO - 75}-05-10`,
    comuneResidenzaIstat: comune,
    residenteNellAmbito: true,
    alDomicilio: true,
  });
  svc.fonti.cartelle.set(personaId, {
    valutazioneCompletata: true,
    valutazioneClinicaSociale: false,
    progettoApprovato: true,
    budgetDiProgetto: false,
  });
  return personaId;
}

export function istanza(
  avvisoId: string,
  personaId: string,
  modifiche: Partial<PresentaIstanzaV1> = {},
  opzioni: Parameters<typeof dichiarazioni>[0] = {},
): PresentaIstanzaV1 {
  return {
    avvisoId,
    personaId,
    strumento: 'buono-caregiver',
    richiedente: { tipo: 'familiare', nominativo: 'Paola Ferrari' },
    sede: 'SEDE-CREMA-HUB',
    dichiarazioni: dichiarazioni(opzioni),
    documenti: [
      { tipo: 'attestazione-isee', riferimento: `INPS-ISEE-${ANNO}-00597381W-00`, data: `${ANNO}-01-15` },
    ],
    ...modifiche,
  };
}
