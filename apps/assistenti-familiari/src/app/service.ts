/** The service's name: NATS queue group, subjects `assistenti-familiari.*`, stream `EVT_ASSISTENTI_FAMILIARI`, logs and metrics. */
export const SERVICE = 'assistenti-familiari';
