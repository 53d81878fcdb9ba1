/** The service's name: NATS queue group, subjects `misure.*`, stream `EVT_MISURE`, logs and metrics. */
export const SERVICE = 'misure';
