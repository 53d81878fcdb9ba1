/** The service's name: NATS queue group, subjects `integrazioni.*`, stream `EVT_INTEGRAZIONI`, logs and metrics. */
export const SERVICE = 'integrazioni';
