export type SeedReport = Record<string, { created: number; unchanged: number }>;

/** A fixture record's values that are not text of the source document: field (or `field[i].sub`) → what and why. */
export type EditorialAdditions = Record<string, string>;

/** Tallies what a seed run created and what it found already there, and the editorial additions it seeded. */
export class SeedCounter {
  readonly report: SeedReport = {};

  /** `record field: why`, for every editorial addition in a record this run created. */
  readonly editorialAdditions: string[] = [];

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

  addedEditorially(record: string, additions: EditorialAdditions): void {
    for (const [field, why] of Object.entries(additions)) this.editorialAdditions.push(`${record} ${field}: ${why}`);
  }
}
