/** Collects the values of a parameterised statement and hands out their placeholders. */
export class SqlParams {
  readonly values: unknown[]

  constructor(initial: unknown[] = []) {
    this.values = [...initial]
  }

  /** Adds a value and returns its placeholder ($n). */
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}
