/** Numbers the way Italian plans write them: `1.920.000,00`, thousands with dots, comma before two decimals. */
export function formatAmount(value: number, decimals = 2): string {
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += '.';
    grouped += whole[i];
  }
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** A count or other whole number: no decimals, Italian grouping. */
export function formatCount(value: number): string {
  return formatAmount(value, 0);
}
