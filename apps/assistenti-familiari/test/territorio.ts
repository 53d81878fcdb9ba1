import path from 'node:path';

/** The Ambito Oglio Po's territorio (libs/territorio's seed): two sportelli assistenti familiari. */
export const OGLIO_PO_TERRITORIO_FILE = path.join(
  __dirname,
  '../../../libs/territorio/src/seed/ambito-oglio-po.v1.json',
);
