import type { JetStreamManager } from 'nats';
import { eventStreamName, serviziDelBus } from '@ambito/contracts';

/**
 * Creates the event stream of every producer on the bus that has none yet, before the consumers start:
 * a consumer waits for its producer's stream, which a service a harness does not start would never
 * make. An existing stream is left as it is, and the producer's own configuration (its retention) wins
 * when it starts: it updates what is made here.
 */
export async function creaStreamDeiProduttori(jsm: JetStreamManager): Promise<void> {
  for (const servizio of serviziDelBus()) {
    const name = eventStreamName(servizio);
    await jsm.streams.info(name).catch(() => jsm.streams.add({ name, subjects: [`evt.${servizio}.>`] }));
  }
}
