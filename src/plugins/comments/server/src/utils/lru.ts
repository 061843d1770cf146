/**
 * A small least-recently-used map: reads refresh an entry, writes past `capacity` evict the oldest.
 * `weigh` sizes an entry (1 each by default), so the capacity can be a count or, say, characters.
 */
export class Lru<Value> {
  private readonly entries = new Map<string, Value>();
  private weight = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: Value) => number = () => 1
  ) {}

  get(key: string): Value | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: Value): void {
    this.delete(key);
    this.entries.set(key, value);
    this.weight += this.weigh(value);
    while (this.weight > this.capacity && this.entries.size > 1)
      this.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.weight -= this.weigh(value);
  }
}
