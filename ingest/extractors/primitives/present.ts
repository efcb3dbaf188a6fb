/**
 * The fields a record should carry from what was read: a field the document leaves empty stays off the record
 * (the model has no empty strings or nulls for "not written"), in the order given, so that a reader's mapping from
 * cells to the model is one object literal instead of one `if` per field.
 */
export function present<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v !== null && v !== '') out[k as keyof T] = v as T[keyof T];
  return out;
}
