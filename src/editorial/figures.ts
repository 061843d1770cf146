/**
 * Figures as published: the words a reader sees ("up to 12,000") and whether a breakdown adds up.
 * Arithmetic is done on scaled integers so 0.1 + 0.2 adds up to 0.3.
 */
export type Qualifier = 'exact' | 'up-to' | 'about' | 'at-least' | 'more-than' | 'nearly';
export type BreakdownKind = 'complete' | 'partial';

export interface BreakdownItem {
  label: string;
  value: number | string;
}

export interface FigureFields {
  value: number | string | null;
  qualifier?: Qualifier | null;
  breakdown?: BreakdownItem[] | null;
  breakdownKind?: BreakdownKind | null;
}

export interface Consistency {
  status: 'consistent' | 'inconsistent' | 'no-breakdown';
  breakdownKind: BreakdownKind | null;
  total: number | null;
  breakdownTotal: number | null;
  /** breakdownTotal - total; positive when the parts exceed the whole. */
  difference: number | null;
  message: string;
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  'up-to': 'up to ',
  about: 'about ',
  'at-least': 'at least ',
  'more-than': 'more than ',
  nearly: 'nearly ',
};

const decimals = (value: string) => (value.includes('.') ? value.split('.')[1].length : 0);

/** Sums decimals exactly: every term is scaled to the largest number of decimal places. */
const exactSum = (values: string[]): { scaled: bigint[]; scale: number } => {
  const scale = Math.max(0, ...values.map(decimals));
  const scaled = values.map((value) => {
    const negative = value.startsWith('-');
    const [whole, fraction = ''] = value.replace('-', '').split('.');
    const digits = BigInt(whole + fraction.padEnd(scale, '0'));
    return negative ? -digits : digits;
  });
  return { scaled, scale };
};

const toNumber = (scaled: bigint, scale: number) => Number(scaled) / 10 ** scale;

const canonical = (value: number | string): string => {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a decimal: ${value}`);
  return text;
};

export const formatNumber = (value: number | string): string => {
  const [whole, fraction] = canonical(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction?.replace(/0+$/, '');
  return trimmed ? `${grouped}.${trimmed}` : grouped;
};

export const displayFigure = (figure: FigureFields): string | null =>
  figure.value === null || figure.value === undefined
    ? null
    : `${QUALIFIER_WORDS[figure.qualifier ?? 'exact']}${formatNumber(figure.value)}`;

export const checkConsistency = (figure: FigureFields): Consistency => {
  const items = figure.breakdown ?? [];
  const kind = figure.breakdownKind ?? null;
  if (items.length === 0 || figure.value === null || figure.value === undefined) {
    return {
      status: 'no-breakdown',
      breakdownKind: kind,
      total: null,
      breakdownTotal: null,
      difference: null,
      message: 'No breakdown.',
    };
  }
  const { scaled, scale } = exactSum([canonical(figure.value), ...items.map((item) => canonical(item.value))]);
  const [total, ...parts] = scaled;
  const partsTotal = parts.reduce((sum, part) => sum + part, 0n);
  const difference = partsTotal - total;
  const consistent = kind === 'partial' ? difference <= 0n : difference === 0n;
  const shown = (n: bigint) => formatNumber(String(toNumber(n, scale)));
  const message = consistent
    ? kind === 'partial'
      ? `The listed parts (${shown(partsTotal)}) do not exceed the total (${shown(total)}).`
      : `The parts add up to the total (${shown(total)}).`
    : kind === 'partial'
      ? `The listed parts add up to ${shown(partsTotal)}, more than the total of ${shown(total)}.`
      : `The parts add up to ${shown(partsTotal)}, not the total of ${shown(total)}.`;
  return {
    status: consistent ? 'consistent' : 'inconsistent',
    breakdownKind: kind,
    total: toNumber(total, scale),
    breakdownTotal: toNumber(partsTotal, scale),
    difference: toNumber(difference, scale),
    message,
  };
};
