/**
 * Weights (peso) of the phases or indicators of one objective, which a plan means to add up to 100: their sum to the
 * hundredth, so that `33,33 + 33,33 + 33,34` is 100 and not 99.99999999999999.
 */
export function weightTotal(records: readonly { weight?: { value: number | null } }[]): number | null {
  const weighted = records.filter((r) => r.weight?.value != null);
  if (weighted.length === 0) return null;
  return Math.round(weighted.reduce((s, r) => s + r.weight!.value!, 0) * 100) / 100;
}
