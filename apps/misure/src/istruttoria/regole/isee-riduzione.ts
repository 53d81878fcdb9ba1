import type { FasciaV1, RiduzioneIseeV1 } from '@ambito/contracts';

/**
 * The reduction of the amount for the ISEE's band (e.g. Pro.Vi.: 50 % between € 35.000 and € 40.000):
 * the one with the highest `oltreCentesimi` the ISEE exceeds; null when none applies.
 */
export function riduzioneIsee(fascia: FasciaV1 | null, iseeCentesimi: number | null): RiduzioneIseeV1 | null {
  if (!fascia || iseeCentesimi === null) return null;
  return (
    [...fascia.isee.riduzioni]
      .sort((a, b) => b.oltreCentesimi - a.oltreCentesimi)
      .find((r) => iseeCentesimi > r.oltreCentesimi) ?? null
  );
}

/** The share of an amount (cents, rounded down: a grant never exceeds its percentage). */
export const percentuale = (centesimi: number, pct: number): number => Math.floor((centesimi * pct) / 100);
