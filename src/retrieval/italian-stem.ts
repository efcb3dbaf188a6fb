/**
 * A light Italian stemmer (after Savoy's, as in Lucene's ItalianLightStemmer) that folds gender and number
 * (`servizio` / `servizi`, `disabile` / `disabili`), plus one derivational rule so that `accessibilità`,
 * `accessibile` and `accessibili` meet. Input is already accent-folded and lower-case.
 * Light on purpose: an aggressive stemmer merges unrelated administrative words (`pagamento` / `paga`).
 */
export function stemItalian(word: string): string {
  let w = word;
  if (w.length >= 8 && w.endsWith('ita')) w = w.slice(0, -3);
  const n = w.length;
  if (n < 6) return w;
  const last = w[n - 1];
  const prev = w[n - 2];
  switch (last) {
    case 'e':
      return prev === 'i' || prev === 'h' ? w.slice(0, -2) : w.slice(0, -1);
    case 'i':
      return prev === 'h' || prev === 'i' ? w.slice(0, -2) : w.slice(0, -1);
    case 'a':
    case 'o':
      return prev === 'i' ? w.slice(0, -2) : w.slice(0, -1);
    default:
      return w;
  }
}
