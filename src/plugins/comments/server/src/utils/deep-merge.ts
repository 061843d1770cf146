type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Merges overrides onto defaults: objects merge key by key, arrays and scalars replace. */
export const deepMerge = <T>(defaults: T, overrides: unknown): T => {
  if (!isPlain(defaults) || !isPlain(overrides)) return (overrides === undefined ? defaults : overrides) as T;
  const merged: Plain = { ...defaults };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) merged[key] = deepMerge((defaults as Plain)[key], value);
  }
  return merged as T;
};
