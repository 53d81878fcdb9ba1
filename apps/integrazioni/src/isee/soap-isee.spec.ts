import { centesimi, leggiRisposta, richiestaIndicatore, RispostaNonLeggibile } from './soap-isee';

const busta = (corpo: string) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${corpo}</s:Body></s:Envelope>`;

describe('ConsultazioneISEE SOAP messages', () => {
  it('reads euros into cents exactly', () => {
    expect(centesimi('31000.00')).toBe(3_100_000);
    expect(centesimi('12345.6')).toBe(1_234_560);
    expect(centesimi('7')).toBe(700);
    expect(() => centesimi('1,5')).toThrow(RispostaNonLeggibile);
  });

  it('escapes what it puts in the request', () => {
    const xml = richiestaIndicatore('SocioSanitario', {
      codiceFiscale: 'RSSMRA80A01H501U',
      dataValidita: '2025-03-01',
      prestazione: 'A1.11',
      protocolloDomanda: 'A&B<1>',
      stato: 'Da Erogare',
    });
    expect(xml).toContain(
      '<con:ProtocolloDomandaEnteErogatore>A&amp;B&lt;1&gt;</con:ProtocolloDomandaEnteErogatore>',
    );
    expect(xml).toContain('<con:TipoIndicatore>SocioSanitario</con:TipoIndicatore>');
  });

  it('reads the indicator of an OK answer and the outcome of the others', () => {
    const indicatore = Buffer.from(
      '<Indicatore xmlns="http://inps.it/ISEERiforma" TipoIndicatore="SocioSanitario" ISE="45000.00" ' +
        'ScalaEquivalenza="1.57" ISEE="28662.42" ISR="45000.00" ISP="0.00" ' +
        'ProtocolloDSU="INPS-ISEE-2025-00597381W-00" DataPresentazione="2025-01-15"><RicercaCF CodiceFiscale="RSSMRA80A01H501U"/></Indicatore>',
    ).toString('base64');
    const ok = leggiRisposta(
      'ConsultazioneIndicatore',
      busta(
        `<ConsultazioneIndicatoreResponse xmlns="http://inps.it/ConsultazioneISEE"><ConsultazioneIndicatoreResult>` +
          `<IdRichiesta>7</IdRichiesta><Esito>OK</Esito><XmlEsitoIndicatore>${indicatore}</XmlEsitoIndicatore>` +
          `</ConsultazioneIndicatoreResult></ConsultazioneIndicatoreResponse>`,
      ),
    );
    expect(ok).toMatchObject({
      idRichiesta: 7,
      esito: 'OK',
      indicatore: {
        iseeCentesimi: 2_866_242,
        protocolloDsu: 'INPS-ISEE-2025-00597381W-00',
        dataPresentazione: '2025-01-15',
      },
    });
    const offline = leggiRisposta(
      'ConsultazioneIndicatore',
      busta(
        `<ConsultazioneIndicatoreResponse xmlns="http://inps.it/ConsultazioneISEE"><ConsultazioneIndicatoreResult>` +
          `<IdRichiesta>8</IdRichiesta><Esito>DATABASE_OFFLINE</Esito><DescrizioneErrore>giù</DescrizioneErrore>` +
          `</ConsultazioneIndicatoreResult></ConsultazioneIndicatoreResponse>`,
      ),
    );
    expect(offline).toMatchObject({ esito: 'DATABASE_OFFLINE', indicatore: null, descrizioneErrore: 'giù' });
    expect(() =>
      leggiRisposta(
        'ConsultazioneIndicatore',
        busta('<s:Fault><faultcode>s:LIMITE_GIORNALIERO</faultcode><faultstring>x</faultstring></s:Fault>'),
      ),
    ).toThrow(expect.objectContaining({ faultCode: 'LIMITE_GIORNALIERO' }));
  });
});
