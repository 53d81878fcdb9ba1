import type { DataSource } from 'typeorm';
import type { OutboxWriter } from '@ambito/messaging';
import type { ContestoRegistro } from '../sportelli/contesto';
import { RiverificaService } from './riverifica.service';

describe('the scheduled re-verification of the registro (unit)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const contesto = { registro: 'AT-OGLIO-PO', oggi: () => '2026-07-01' } as ContestoRegistro;
  const crea = (minuti: number) =>
    new RiverificaService({} as DataSource, contesto, minuti, {} as OutboxWriter);

  it('runs on its own every RIVERIFICA_INTERVALLO_MINUTI, on today, and stops with the application', async () => {
    const servizio = crea(60);
    const riverifica = jest
      .spyOn(servizio, 'riverifica')
      .mockResolvedValue({ giorno: '2026-07-01', sospese: [] });
    servizio.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(59 * 60_000);
    expect(riverifica).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(riverifica).toHaveBeenCalledTimes(1);
    expect(riverifica).toHaveBeenCalledWith();
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(riverifica).toHaveBeenCalledTimes(2);
    servizio.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(120 * 60_000);
    expect(riverifica).toHaveBeenCalledTimes(2);
  });

  it('keeps running after a failed run, and never runs by itself with 0', async () => {
    const servizio = crea(1);
    const riverifica = jest.spyOn(servizio, 'riverifica').mockRejectedValue(new Error('database giù'));
    servizio.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2 * 60_000);
    expect(riverifica).toHaveBeenCalledTimes(2);
    servizio.onApplicationShutdown();
    const spento = crea(0);
    const mai = jest.spyOn(spento, 'riverifica');
    spento.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10_000 * 60_000);
    expect(mai).not.toHaveBeenCalled();
  });
});
