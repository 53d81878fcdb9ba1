/**
 * Thrown by an event handler when something it needs is unavailable for now (the service it reads
 * from does not answer): the event is nak'ed and comes back after a delay, as many times as it takes,
 * and these deliveries do not count towards the dead letter — a dependency that is down is not a
 * fault of the event. The handler must have written nothing (it is idempotent anyway).
 */
export class RiprovaPiuTardi extends Error {
  constructor(
    motivo: string,
    /** Delay before the redelivery; the subscription's `retryLaterDelayMs` when absent. */
    readonly dopoMs?: number,
  ) {
    super(motivo);
    this.name = 'RiprovaPiuTardi';
  }
}
