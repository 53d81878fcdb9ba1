import type { AttestazioneIseeV1, DatiIstanzaV1 } from '@ambito/contracts';
import {
  codici,
  istanzaAdulto,
  istanzaAnziano,
  regoleB2,
  regoleProVi,
  regola,
  valuta,
} from '../../../test/regole-fixture';
import { scadenzaIsee } from './isee-attestazione';

const att = (over: Partial<AttestazioneIseeV1> = {}): AttestazioneIseeV1 => ({
  tipo: 'sociosanitario',
  valoreCentesimi: 1_850_000,
  protocolloDsu: 'INPS-ISEE-2025-00597381W-00',
  dataPresentazione: '2025-02-10',
  difformita: false,
  ...over,
});

const conIsee = (...isee: AttestazioneIseeV1[]): DatiIstanzaV1 => ({ ...istanzaAnziano(), isee });
const REGOLE_ISEE = regoleB2().isee;

describe('ISEE (unit)', () => {
  describe('scadenzaIsee', () => {
    it('ends an ordinary DSU on 31 December of its year', () => {
      expect(scadenzaIsee(att({ dataPresentazione: '2025-01-02' }), REGOLE_ISEE)).toBe('2025-12-31');
    });

    it('gives an ISEE corrente six months, to the day before', () => {
      expect(scadenzaIsee(att({ tipo: 'corrente', dataPresentazione: '2025-03-10' }), REGOLE_ISEE)).toBe(
        '2025-09-09',
      );
      // 31 August + 6 months: there is no 31 February.
      expect(scadenzaIsee(att({ tipo: 'corrente', dataPresentazione: '2024-08-31' }), REGOLE_ISEE)).toBe(
        '2025-02-27',
      );
    });
  });

  describe('ISEE_PRESENTE', () => {
    it('is satisfied by an attestation of the type the band asks', () => {
      expect(regola(valuta(conIsee(att()), 'buono-caregiver'), 'ISEE_PRESENTE')).toEqual({
        codice: 'ISEE_PRESENTE',
        esito: 'soddisfatta',
        motivo: 'Attestazione ISEE sociosanitario (o corrente) dichiarata',
      });
    });

    it('refuses when only another type is declared (an adult with an ordinary ISEE)', () => {
      const v = valuta(conIsee(att({ tipo: 'ordinario' })), 'buono-caregiver');
      expect(regola(v, 'ISEE_PRESENTE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Nessuna attestazione ISEE sociosanitario (o corrente) fra quelle dichiarate',
      });
      expect(codici(v)).not.toContain('ISEE_SOGLIA');
      expect(v.chiavi.iseeCentesimi).toBeNull();
      expect(v.esito).toBe('non-ammissibile');
    });

    it('does not accept a corrente in place of the asked type when the rule set says so', () => {
      const p = regoleB2();
      p.isee.correnteSostituisce = false;
      const v = valuta(conIsee(att({ tipo: 'corrente' })), 'buono-caregiver', p);
      expect(regola(v, 'ISEE_PRESENTE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Nessuna attestazione ISEE sociosanitario fra quelle dichiarate',
      });
    });
  });

  describe('ISEE_VALIDITA', () => {
    it('is satisfied by a DSU of the reference year', () => {
      expect(regola(valuta(conIsee(att()), 'buono-caregiver'), 'ISEE_VALIDITA')).toMatchObject({
        esito: 'soddisfatta',
        motivo:
          'ISEE sociosanitario (DSU INPS-ISEE-2025-00597381W-00) presentato il 10/02/2025, valido fino al 31/12/2025',
      });
    });

    it('refuses an expired attestation: it blocks admission', () => {
      const v = valuta(
        conIsee(att({ protocolloDsu: 'INPS-ISEE-2024-00111111A-00', dataPresentazione: '2024-03-01' })),
        'buono-caregiver',
      );
      expect(regola(v, 'ISEE_VALIDITA')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'ISEE sociosanitario (DSU INPS-ISEE-2024-00111111A-00) presentato il 01/03/2024, scaduto il 31/12/2024: non valido al 15/06/2025',
      });
      expect(v.esito).toBe('non-ammissibile');
      expect(v.importoTotaleCentesimi).toBeNull();
      expect(v.chiavi.iseeCentesimi).toBeNull();
    });

    it('refuses a DSU presented after the reference day', () => {
      const v = valuta(conIsee(att({ dataPresentazione: '2025-07-01' })), 'buono-caregiver');
      expect(regola(v, 'ISEE_VALIDITA')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'ISEE sociosanitario (DSU INPS-ISEE-2025-00597381W-00) presentato il 01/07/2025, successivo al giorno di riferimento 15/06/2025',
      });
    });

    it('uses a valid ISEE corrente in place of the asked type', () => {
      const v = valuta(
        conIsee(
          att(),
          att({
            tipo: 'corrente',
            valoreCentesimi: 900_000,
            protocolloDsu: 'INPS-ISEE-2025-00222222B-00',
            dataPresentazione: '2025-04-01',
          }),
        ),
        'buono-caregiver',
      );
      expect(regola(v, 'ISEE_VALIDITA')).toMatchObject({
        esito: 'soddisfatta',
        motivo:
          'ISEE corrente (DSU INPS-ISEE-2025-00222222B-00) presentato il 01/04/2025, valido fino al 30/09/2025, in sostituzione dell’ISEE sociosanitario',
      });
      expect(v.chiavi.iseeCentesimi).toBe(900_000);
    });

    it('falls back to the asked type when the corrente has expired', () => {
      const v = valuta(
        conIsee(
          att(),
          att({
            tipo: 'corrente',
            valoreCentesimi: 900_000,
            protocolloDsu: 'INPS-ISEE-2024-00222222B-00',
            dataPresentazione: '2024-11-01',
          }),
        ),
        'buono-caregiver',
      );
      expect(v.chiavi.iseeCentesimi).toBe(1_850_000);
      expect(regola(v, 'ISEE_VALIDITA').esito).toBe('soddisfatta');
    });

    it('refuses an expired corrente when it is the only one', () => {
      const v = valuta(
        conIsee(
          att({
            tipo: 'corrente',
            protocolloDsu: 'INPS-ISEE-2024-00222222B-00',
            dataPresentazione: '2024-11-01',
          }),
        ),
        'buono-caregiver',
      );
      expect(regola(v, 'ISEE_VALIDITA')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'ISEE corrente (DSU INPS-ISEE-2024-00222222B-00) presentato il 01/11/2024, scaduto il 30/04/2025: non valido al 15/06/2025',
      });
    });

    it('uses the newest of two valid attestations, whatever their order', () => {
      const vecchia = att({
        valoreCentesimi: 2_000_000,
        protocolloDsu: 'INPS-ISEE-2025-00000001A-00',
        dataPresentazione: '2025-01-10',
      });
      const nuova = att({
        valoreCentesimi: 1_500_000,
        protocolloDsu: 'INPS-ISEE-2025-00000002A-00',
        dataPresentazione: '2025-05-10',
      });
      expect(valuta(conIsee(vecchia, nuova), 'buono-caregiver').chiavi.iseeCentesimi).toBe(1_500_000);
      expect(valuta(conIsee(nuova, vecchia), 'buono-caregiver').chiavi.iseeCentesimi).toBe(1_500_000);
    });
  });

  describe('ISEE_SOGLIA', () => {
    it('is satisfied at the threshold (inclusive)', () => {
      expect(
        regola(valuta(conIsee(att({ valoreCentesimi: 2_500_000 })), 'buono-caregiver'), 'ISEE_SOGLIA'),
      ).toEqual({
        codice: 'ISEE_SOGLIA',
        esito: 'soddisfatta',
        motivo: 'ISEE sociosanitario € 25.000,00 entro la soglia di € 25.000,00',
      });
    });

    it('refuses a cent above it, and still ranks on the value', () => {
      const v = valuta(conIsee(att({ valoreCentesimi: 2_500_001 })), 'buono-caregiver');
      expect(regola(v, 'ISEE_SOGLIA')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'ISEE sociosanitario € 25.000,01 oltre la soglia di € 25.000,00',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('uses the minors’ band for a minor: ordinary ISEE up to € 40.000,00', () => {
      const minore: DatiIstanzaV1 = {
        ...istanzaAnziano(),
        dataNascita: '2015-01-01',
        isee: [att({ tipo: 'ordinario', valoreCentesimi: 3_900_000 })],
      };
      expect(regola(valuta(minore, 'voucher-minori'), 'ISEE_SOGLIA').motivo).toBe(
        'ISEE ordinario € 39.000,00 entro la soglia di € 40.000,00',
      );
    });
  });

  describe('ISEE_DIFFORMITA', () => {
    it('is satisfied by an attestation without discrepancies', () => {
      expect(regola(valuta(conIsee(att()), 'buono-caregiver'), 'ISEE_DIFFORMITA')).toMatchObject({
        esito: 'soddisfatta',
        motivo: 'L’attestazione INPS-ISEE-2025-00597381W-00 non riporta omissioni o difformità',
      });
    });

    it('sends discrepancies to an operator', () => {
      const v = valuta(conIsee(att({ difformita: true })), 'buono-caregiver');
      expect(regola(v, 'ISEE_DIFFORMITA')).toMatchObject({
        esito: 'da-verificare',
        motivo:
          'L’attestazione INPS-ISEE-2025-00597381W-00 riporta omissioni o difformità: la verifica un operatore',
      });
      expect(v.esito).toBe('da-verificare');
      // The amount stays visible to the operator who decides.
      expect(v.importoMensileCentesimi).toBe(10_000);
    });

    it('refuses them when the rule set does not send them to an operator', () => {
      const p = regoleB2();
      p.isee.difformitaDaVerificare = false;
      expect(
        regola(valuta(conIsee(att({ difformita: true })), 'buono-caregiver', p), 'ISEE_DIFFORMITA'),
      ).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'L’attestazione INPS-ISEE-2025-00597381W-00 riporta omissioni o difformità: le regole non la ammettono',
      });
    });
  });

  describe('ISEE_RIDUZIONE', () => {
    const proVi = (valoreCentesimi: number): DatiIstanzaV1 => ({
      ...istanzaAdulto(),
      isee: [att({ valoreCentesimi })],
      proVi: {
        macroaree: ['assistente-personale', 'trasporto'],
        senzaCaregiver: true,
        assistentePersonale: 'diretto',
        costoProgettoCentesimi: 1_800_000,
      },
    });

    it('reduces the amount in the ISEE band', () => {
      const v = valuta(proVi(3_700_000), 'pro-vi', regoleProVi());
      expect(regola(v, 'ISEE_RIDUZIONE')).toMatchObject({
        esito: 'soddisfatta',
        motivo:
          'ISEE € 37.000,00 oltre € 35.000,00: importo riconosciuto al 50 %, da € 18.000,00 a € 9.000,00',
      });
      expect(v.importoTotaleCentesimi).toBe(900_000);
    });

    it('leaves it whole below the band', () => {
      const v = valuta(proVi(3_500_000), 'pro-vi', regoleProVi());
      expect(regola(v, 'ISEE_RIDUZIONE')).toMatchObject({
        esito: 'soddisfatta',
        motivo: 'ISEE € 35.000,00: nessuna riduzione dell’importo',
      });
      expect(v.importoTotaleCentesimi).toBe(1_800_000);
    });
  });
});
