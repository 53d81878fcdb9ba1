import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigurationError } from '@ambito/service-runtime';
import { createGatewayApp } from './app/create-gateway-app';
import { loadGatewayConfig, type GatewayConfig } from './config/gateway-config';
import { indirizzoLoopback } from './config/loopback';

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadGatewayConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(`gateway: ${error.message}`);
    process.exit(1);
  }
  const app = await createGatewayApp(config);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  // The configuration accepts demo mode only on a loopback HTTP_HOST; check the address actually
  // bound too (a host name such as `localhost` is resolved by the system).
  const indirizzo = app.getHttpServer().address() as { address?: string } | string | null;
  const ascolto = typeof indirizzo === 'object' && indirizzo?.address ? indirizzo.address : '';
  if (config.AUTH_MODE === 'demo' && !indirizzoLoopback(ascolto)) {
    console.error(
      `gateway: AUTH_MODE=demo è in ascolto su ${ascolto}, che non è un indirizzo di loopback: impostare HTTP_HOST=127.0.0.1`,
    );
    await app.close();
    process.exit(1);
  }
  new Logger('Gateway').log(
    { port: config.HTTP_PORT, authMode: config.AUTH_MODE, ambito: config.AMBITO_CODICE },
    'gateway in ascolto',
  );
}

main().catch((error: unknown) => {
  console.error('gateway: avvio non riuscito', error);
  process.exit(1);
});
