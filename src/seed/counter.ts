export type SeedReport = Record<string, { created: number; unchanged: number }>;

/** Tallies what a seed run created and what it found already there. */
export class SeedCounter {
  readonly report: SeedReport = {};

  private entry(kind: string) {
    this.report[kind] ??= { created: 0, unchanged: 0 };
    return this.report[kind];
  }

  created(kind: string): void {
    this.entry(kind).created += 1;
  }

  unchanged(kind: string): void {
    this.entry(kind).unchanged += 1;
  }
}
