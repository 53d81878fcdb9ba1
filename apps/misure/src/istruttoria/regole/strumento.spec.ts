import type { DatiIstanzaV1 } from '@ambito/contracts';
import {
  codici,
  istanzaAdulto,
  istanzaAnziano,
  regoleProVi,
  regola,
  valuta,
} from '../../../test/regole-fixture';

describe('strumento e presupposti (unit)', () => {
  describe('STRUMENTO_PREVISTO', () => {
    it('is satisfied by a strumento of the rule set offered for the area', () => {
      expect(regola(valuta(istanzaAnziano(), 'buono-caregiver'), 'STRUMENTO_PREVISTO')).toEqual({
        codice: 'STRUMENTO_PREVISTO',
        esito: 'soddisfatta',
        motivo: 'Strumento «buono-caregiver»: Buono al caregiver familiare',
      });
    });

    it('refuses an unknown strumento, with no amount', () => {
      const v = valuta(istanzaAnziano(), 'buono-sconosciuto');
      expect(regola(v, 'STRUMENTO_PREVISTO')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'Lo strumento «buono-sconosciuto» non è previsto dalle regole della misura (previsti: buono-caregiver, buono-assistente-familiare, voucher-minori, vita-indipendente)',
      });
      expect(v.esito).toBe('non-ammissibile');
      expect(v.strumento).toBe('buono-sconosciuto');
      expect(v.importoMensileCentesimi).toBeNull();
    });

    it('refuses a strumento not offered for the area', () => {
      const v = valuta(istanzaAnziano(), 'voucher-minori');
      expect(regola(v, 'STRUMENTO_PREVISTO')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Lo strumento «voucher-minori» non è previsto per l’area anziani (solo minori)',
      });
    });
  });

  describe('PRESUPPOSTO_CAREGIVER', () => {
    it('is satisfied by a spouse', () => {
      expect(regola(valuta(istanzaAnziano(), 'buono-caregiver'), 'PRESUPPOSTO_CAREGIVER')).toMatchObject({
        esito: 'soddisfatta',
        motivo: 'Caregiver familiare: coniuge, convivente',
      });
    });

    it('refuses a kinship outside the rule set’s list', () => {
      const v = valuta(
        { ...istanzaAnziano(), caregiver: { parentela: 'parente-3-grado', convivente: false } },
        'buono-caregiver',
      );
      expect(regola(v, 'PRESUPPOSTO_CAREGIVER')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'Il caregiver indicato (parente di 3° grado) non rientra nei legami ammessi dalle regole (L. 205/2017)',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('refuses the buono without a caregiver', () => {
      expect(
        regola(valuta({ ...istanzaAnziano(), caregiver: null }, 'buono-caregiver'), 'PRESUPPOSTO_CAREGIVER'),
      ).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Nessun caregiver familiare indicato',
      });
    });
  });

  describe('PRESUPPOSTO_CONTRATTO', () => {
    const contratto = {
      oreSettimanali: 30,
      dataInizio: '2024-09-01',
      costoMensileCentesimi: 150_000,
      altriContributiMensiliCentesimi: 0,
    };

    it('is satisfied by a contract in force', () => {
      const v = valuta({ ...istanzaAnziano(), contrattoAssistente: contratto }, 'buono-assistente-familiare');
      expect(regola(v, 'PRESUPPOSTO_CONTRATTO')).toMatchObject({
        esito: 'soddisfatta',
        motivo:
          'Contratto dell’assistente familiare: 30 ore settimanali dal 01/09/2024, costo mensile € 1.500,00',
      });
    });

    it('refuses the buono without a contract', () => {
      const v = valuta(istanzaAnziano(), 'buono-assistente-familiare');
      expect(regola(v, 'PRESUPPOSTO_CONTRATTO')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Nessun contratto di lavoro dell’assistente familiare indicato',
      });
      expect(v.esito).toBe('non-ammissibile');
    });

    it('refuses a contract starting after the reference day', () => {
      const v = valuta(
        { ...istanzaAnziano(), contrattoAssistente: { ...contratto, dataInizio: '2025-07-01' } },
        'buono-assistente-familiare',
      );
      expect(regola(v, 'PRESUPPOSTO_CONTRATTO')).toMatchObject({
        esito: 'non-soddisfatta',
        motivo:
          'Il contratto dell’assistente familiare (30 ore settimanali dal 01/07/2025, costo mensile € 1.500,00) non è ancora in essere al 15/06/2025',
      });
    });
  });

  describe('PRESUPPOSTO_ASSISTENTE_PERSONALE (Pro.Vi.)', () => {
    const progetto = (over: Partial<NonNullable<DatiIstanzaV1['proVi']>> = {}): DatiIstanzaV1 => ({
      ...istanzaAdulto(),
      proVi: {
        macroaree: ['assistente-personale', 'trasporto'],
        senzaCaregiver: true,
        assistentePersonale: 'ente',
        costoProgettoCentesimi: 1_000_000,
        ...over,
      },
    });

    it('is satisfied by a project without caregiver, with a personal assistant', () => {
      expect(
        regola(valuta(progetto(), 'pro-vi', regoleProVi()), 'PRESUPPOSTO_ASSISTENTE_PERSONALE'),
      ).toMatchObject({
        esito: 'soddisfatta',
        motivo: 'Progetto senza caregiver familiare, con assistente personale tramite un ente',
      });
    });

    it('refuses a project with the caregiver', () => {
      expect(
        regola(
          valuta(progetto({ senzaCaregiver: false }), 'pro-vi', regoleProVi()),
          'PRESUPPOSTO_ASSISTENTE_PERSONALE',
        ),
      ).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Il progetto non si realizza senza il caregiver familiare',
      });
    });

    it('refuses a project without a personal assistant', () => {
      expect(
        regola(
          valuta(progetto({ assistentePersonale: null }), 'pro-vi', regoleProVi()),
          'PRESUPPOSTO_ASSISTENTE_PERSONALE',
        ),
      ).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Il progetto non prevede un assistente personale',
      });
    });

    it('refuses an istanza without the project outline', () => {
      expect(
        regola(valuta(istanzaAdulto(), 'pro-vi', regoleProVi()), 'PRESUPPOSTO_ASSISTENTE_PERSONALE'),
      ).toMatchObject({
        esito: 'non-soddisfatta',
        motivo: 'Manca la descrizione del progetto di vita indipendente',
      });
    });
  });

  describe('PRESUPPOSTO_VITA_INDIPENDENTE (B2)', () => {
    it('is satisfied by a project with a personal assistant', () => {
      const dati: DatiIstanzaV1 = {
        ...istanzaAdulto(),
        isee: istanzaAnziano().isee,
        proVi: {
          macroaree: [],
          senzaCaregiver: false,
          assistentePersonale: 'diretto',
          costoProgettoCentesimi: 0,
        },
      };
      expect(regola(valuta(dati, 'vita-indipendente'), 'PRESUPPOSTO_VITA_INDIPENDENTE')).toMatchObject({
        esito: 'soddisfatta',
        motivo: 'Progetto con assistente personale assunto direttamente',
      });
    });

    it('refuses without a personal assistant', () => {
      const dati: DatiIstanzaV1 = {
        ...istanzaAdulto(),
        proVi: { macroaree: [], senzaCaregiver: false, assistentePersonale: null, costoProgettoCentesimi: 0 },
      };
      expect(regola(valuta(dati, 'vita-indipendente'), 'PRESUPPOSTO_VITA_INDIPENDENTE').esito).toBe(
        'non-soddisfatta',
      );
    });
  });

  it('a strumento without presupposto adds no rule', () => {
    const minore = { ...istanzaAnziano(), dataNascita: '2015-01-01' };
    expect(codici(valuta(minore, 'voucher-minori')).filter((c) => c.startsWith('PRESUPPOSTO'))).toEqual([]);
  });
});
