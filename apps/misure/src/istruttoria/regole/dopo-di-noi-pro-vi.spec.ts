import type { DatiIstanzaV1 } from '@ambito/contracts';
import {
  codici,
  istanzaAdulto,
  regoleDopoDiNoi,
  regoleProVi,
  regola,
  valuta,
} from '../../../test/regole-fixture';

const ddn = (over: Partial<NonNullable<DatiIstanzaV1['dopoDiNoi']>> = {}): DatiIstanzaV1 => ({
  ...istanzaAdulto(),
  dopoDiNoi: {
    priorita: [],
    urgenzaAutonomia: 8,
    urgenzaSostegniFamiliari: 6,
    urgenzaAbitativa: 4,
    urgenzaEconomica: 2,
    costoInterventoCentesimi: 1_000_000,
    personeGruppoAppartamento: 4,
    ...over,
  },
});

describe('Dopo di Noi e Pro.Vi. (unit)', () => {
  describe('DDN_GRUPPO_APPARTAMENTO', () => {
    it('admits a group home within the maximum', () => {
      const v = valuta(ddn({ personeGruppoAppartamento: 5 }), 'ddn-e', regoleDopoDiNoi());
      expect(regola(v, 'DDN_GRUPPO_APPARTAMENTO')).toEqual({
        codice: 'DDN_GRUPPO_APPARTAMENTO',
        esito: 'soddisfatta',
        motivo: 'Gruppo appartamento di 5 persone, entro il massimo di 5',
      });
      expect(v.esito).toBe('ammissibile');
    });

    it('refuses a larger group', () => {
      const v = valuta(ddn({ personeGruppoAppartamento: 6 }), 'ddn-e', regoleDopoDiNoi());
      expect(regola(v, 'DDN_GRUPPO_APPARTAMENTO')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Gruppo appartamento di 6 persone, oltre il massimo di 5',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('refuses without the number of persons', () => {
      expect(
        regola(
          valuta(ddn({ personeGruppoAppartamento: null }), 'ddn-e', regoleDopoDiNoi()),
          'DDN_GRUPPO_APPARTAMENTO',
        ),
      ).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Manca il numero di persone del gruppo appartamento',
      });
    });

    it('does not apply to a strumento without a maximum', () => {
      expect(codici(valuta(ddn(), 'ddn-a', regoleDopoDiNoi()))).not.toContain('DDN_GRUPPO_APPARTAMENTO');
    });
  });

  describe('DDN_URGENZA and the ordering keys', () => {
    it('sums the four dimensions and gives the guaranteed priority level', () => {
      const v = valuta(ddn({ priorita: ['b-genitori-non-in-grado'] }), 'ddn-a', regoleDopoDiNoi());
      expect(regola(v, 'DDN_URGENZA')).toEqual({
        codice: 'DDN_URGENZA',
        esito: 'soddisfatta',
        motivo:
          'Urgenza 20 (autonomia 8, sostegni familiari 6, condizione abitativa 4, condizione economica 2); priorità garantita b-genitori-non-in-grado',
      });
      expect(v.chiavi).toEqual({ iseeCentesimi: null, eta: 39, prioritaGarantita: 2, urgenza: 20 });
    });

    it('ranks priority a above b and c, none at 0', () => {
      const livello = (priorita: NonNullable<DatiIstanzaV1['dopoDiNoi']>['priorita']) =>
        valuta(ddn({ priorita }), 'ddn-a', regoleDopoDiNoi()).chiavi.prioritaGarantita;
      expect(livello(['c-residenza-lontana-da-casa', 'a-senza-genitori-senza-risorse'])).toBe(3);
      expect(livello(['c-residenza-lontana-da-casa'])).toBe(1);
      expect(livello([])).toBe(0);
    });

    it('caps a dimension above the scale and sends it to an operator', () => {
      const v = valuta(ddn({ urgenzaAutonomia: 15 }), 'ddn-a', regoleDopoDiNoi());
      expect(regola(v, 'DDN_URGENZA')).toMatchObject({
        esito: 'da-verificare',
        motivo:
          'Punteggio oltre la scala di 10 per autonomia (autonomia 15, sostegni familiari 6, condizione abitativa 4, condizione economica 2): conteggiato al massimo',
      });
      expect(v.chiavi.urgenza).toBe(22);
      expect(v.esito).toBe('da-verificare');
    });

    it('sends an istanza without urgency data to an operator', () => {
      expect(regola(valuta(istanzaAdulto(), 'ddn-a', regoleDopoDiNoi()), 'DDN_URGENZA')).toMatchObject({
        esito: 'da-verificare',
        motivo: 'Mancano i dati di urgenza del Dopo di Noi',
      });
    });
  });

  describe('PROVI_MACROAREE', () => {
    const progetto = (macroaree: NonNullable<DatiIstanzaV1['proVi']>['macroaree']): DatiIstanzaV1 => ({
      ...istanzaAdulto(),
      proVi: {
        macroaree,
        senzaCaregiver: true,
        assistentePersonale: 'diretto',
        costoProgettoCentesimi: 1_000_000,
      },
    });

    it('admits a project with two macroaree', () => {
      const v = valuta(progetto(['assistente-personale', 'trasporto']), 'pro-vi', regoleProVi());
      expect(regola(v, 'PROVI_MACROAREE')).toEqual({
        codice: 'PROVI_MACROAREE',
        esito: 'soddisfatta',
        motivo: 'Il progetto comprende 2 macroaree (assistente-personale, trasporto), almeno 2',
      });
      expect(v.esito).toBe('ammissibile');
    });

    it('refuses a project with one', () => {
      const v = valuta(progetto(['assistente-personale']), 'pro-vi', regoleProVi());
      expect(regola(v, 'PROVI_MACROAREE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Il progetto comprende 1 macroaree (assistente-personale): ne servono almeno 2',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('refuses an istanza without the project', () => {
      expect(regola(valuta(istanzaAdulto(), 'pro-vi', regoleProVi()), 'PROVI_MACROAREE')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Manca la descrizione del progetto: nessuna macroarea indicata',
      });
    });

    it('refuses a B2 holder: the assistant is not cumulable with the B2', () => {
      const dati = {
        ...progetto(['assistente-personale', 'trasporto']),
        altreMisure: [{ misura: 'b2' as const, dal: '2025-01-01', al: null, giorni: null }],
      };
      expect(regola(valuta(dati, 'pro-vi', regoleProVi()), 'INCOMPATIBILITA').motivo).toBe(
        'Misura incompatibile: b2 attiva dal 01/01/2025: l’assistente personale non è cumulabile con la B2 (§3)',
      );
    });
  });
});
