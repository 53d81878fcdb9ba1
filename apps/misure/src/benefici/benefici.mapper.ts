import type { BeneficioV1, ErogazioneMensileV1, SospensioneBeneficioV1 } from '@ambito/contracts';
import type { ErogazioneConBeneficio } from '../erogazioni/erogazioni.sql';
import type { BeneficioRow, SospensioneRow } from './benefici.sql';

export function toSospensioneV1(s: SospensioneRow): SospensioneBeneficioV1 {
  return {
    id: s.id,
    causa: s.causa,
    dal: s.dal,
    al: s.al,
    fonte: s.fonte,
    dettaglio: s.dettaglio,
    annullataIl: s.annullata_il?.toISOString() ?? null,
    registrataDa: s.registrata_da,
    registrataIl: s.registrata_il.toISOString(),
  };
}

export function toErogazioneV1(e: ErogazioneConBeneficio): ErogazioneMensileV1 {
  const valutazione = e.valutazione as { motivo: string; regole: ErogazioneMensileV1['regole'] };
  return {
    id: e.id,
    beneficioId: e.beneficio_id,
    istanzaId: e.istanza_id,
    personaId: e.persona_id,
    strumento: e.strumento,
    mese: e.mese.slice(0, 7),
    runId: e.run_id,
    esito: e.esito,
    importoMensileCentesimi: Number(e.importo_mensile_centesimi),
    importoDovutoCentesimi: Number(e.importo_dovuto_centesimi),
    giorniMese: e.giorni_mese,
    giorniDovuti: e.giorni_dovuti,
    regoleId: e.regole_id,
    motivo: valutazione.motivo,
    regole: valutazione.regole,
    input: e.input as Record<string, unknown>,
    stato: e.stato,
  };
}

export function toBeneficioV1(
  b: BeneficioRow,
  sospensioni: readonly SospensioneRow[],
  mensilita: readonly ErogazioneConBeneficio[],
): BeneficioV1 {
  return {
    id: b.id,
    istanzaId: b.istanza_id,
    personaId: b.persona_id,
    avvisoId: b.avviso_id,
    graduatoriaId: b.graduatoria_id,
    misura: b.misura,
    area: b.area,
    strumento: b.strumento,
    importoMensileCentesimi:
      b.importo_mensile_centesimi === null ? null : Number(b.importo_mensile_centesimi),
    importoTotaleCentesimi: Number(b.importo_totale_centesimi),
    dal: b.dal,
    al: b.al,
    linea: b.linea,
    fondo: b.fondo,
    annoFondo: b.anno_fondo,
    impegnoId: b.impegno_id,
    regoleId: b.regole_id,
    stato: b.stato,
    terminaDal: b.termina_dal,
    causaFine: b.causa_fine,
    motivazioneFine: b.motivazione_fine,
    iseeValidoAl: b.isee_valido_al,
    sospensioni: sospensioni.filter((s) => s.beneficio_id === b.id).map(toSospensioneV1),
    mensilita: mensilita.map(toErogazioneV1),
  };
}
