import {
  codici,
  istanzaAdulto,
  istanzaAnziano,
  regoleDopoDiNoi,
  regola,
  valuta,
} from '../../../test/regole-fixture';

const ddn = () => ({
  ...istanzaAdulto(),
  dopoDiNoi: {
    priorita: [],
    urgenzaAutonomia: 5,
    urgenzaSostegniFamiliari: 5,
    urgenzaAbitativa: 5,
    urgenzaEconomica: 5,
    costoInterventoCentesimi: 1_000_000,
    personeGruppoAppartamento: null,
  },
});

describe('requisiti della cartella (unit)', () => {
  it('B2 asks the valutazione multidimensionale and the approved project', () => {
    const v = valuta(istanzaAnziano(), 'buono-caregiver');
    expect(regola(v, 'VALUTAZIONE_MULTIDIMENSIONALE')).toMatchObject({
      esito: 'soddisfatta',
      motivo: 'Nella cartella della persona c’è la valutazione multidimensionale completata',
    });
    expect(regola(v, 'PROGETTO_APPROVATO')).toMatchObject({
      esito: 'soddisfatta',
      motivo: 'Nella cartella della persona c’è il progetto individuale approvato',
    });
    expect(codici(v)).not.toContain('BUDGET_DI_PROGETTO');
    expect(codici(v)).not.toContain('VALUTAZIONE_CLINICO_SOCIALE');
  });

  it('says what is missing in the cartella', () => {
    const dati = istanzaAnziano();
    dati.presaInCarico = {
      valutazioneCompletata: false,
      valutazioneClinicaSociale: false,
      progettoApprovato: false,
      budgetDiProgetto: false,
    };
    const v = valuta(dati, 'buono-caregiver');
    expect(regola(v, 'VALUTAZIONE_MULTIDIMENSIONALE')).toMatchObject({
      esito: 'non-soddisfatta',
      motivo: 'Nella cartella della persona manca la valutazione multidimensionale completata',
    });
    expect(regola(v, 'PROGETTO_APPROVATO')).toMatchObject({
      esito: 'non-soddisfatta',
      motivo: 'Nella cartella della persona manca il progetto individuale approvato',
    });
    expect(v.esito).toBe('non-ammissibile');
  });

  it('Dopo di Noi asks the clinical and social équipe and the budget di progetto', () => {
    const completo = valuta(ddn(), 'ddn-a', regoleDopoDiNoi());
    expect(regola(completo, 'VALUTAZIONE_CLINICO_SOCIALE')).toMatchObject({
      esito: 'soddisfatta',
      motivo:
        'Nella cartella della persona c’è la valutazione dell’équipe con le componenti clinica e sociale',
    });
    expect(regola(completo, 'BUDGET_DI_PROGETTO')).toMatchObject({
      esito: 'soddisfatta',
      motivo: 'Nella cartella della persona c’è il budget di progetto',
    });
    const dati = ddn();
    dati.presaInCarico = { ...dati.presaInCarico, valutazioneClinicaSociale: false, budgetDiProgetto: false };
    const v = valuta(dati, 'ddn-a', regoleDopoDiNoi());
    expect(regola(v, 'VALUTAZIONE_CLINICO_SOCIALE')).toMatchObject({
      esito: 'non-soddisfatta',
      motivo:
        'Nella cartella della persona manca la valutazione dell’équipe con le componenti clinica e sociale',
    });
    expect(regola(v, 'BUDGET_DI_PROGETTO')).toMatchObject({
      esito: 'non-soddisfatta',
      motivo: 'Nella cartella della persona manca il budget di progetto',
    });
    expect(v.esito).toBe('non-ammissibile');
  });
});
