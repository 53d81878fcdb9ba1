import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';
import { ref } from './schema-ref';

const DESCRIZIONI = {
  400: 'Dati non validi: i campi in errore sono in `errori` (codice `VALIDAZIONE_FALLITA`)',
  401: 'Token assente, scaduto o non valido (`NON_AUTENTICATO`)',
  403: 'Ruolo non abilitato (`OPERAZIONE_NON_CONSENTITA`) o dato fuori dal proprio ambito territoriale (`FUORI_AMBITO_TERRITORIALE`)',
  404: 'Risorsa non trovata',
  409: 'Conflitto con lo stato della risorsa (es. `ACCESSO_GIA_CHIUSO`, `PERSONA_GIA_REGISTRATA`)',
  422: 'Regola di dominio non soddisfatta (es. `CODICE_FISCALE_NON_VALIDO`, `SEDE_SCONOSCIUTA`)',
  503: 'Servizio non disponibile: riprovare (`SERVIZIO_NON_DISPONIBILE`)',
} as const;

export type ProblemStatus = keyof typeof DESCRIZIONI;

/** Documents the error answers of a route as `application/problem+json` with the `Problem` schema. */
export function ApiProblemi(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIZIONI[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
      }),
    ),
  );
}
