/** Prints rows as a plain aligned table: text columns left, numeric columns right. */
export function formatTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? formatNumber(cell) : cell)))]
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'))
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? '').length)))
  const line = (row: (string | number)[]) =>
    row.map((cell, i) => (numeric[i] ? String(cell).padStart(widths[i]!) : String(cell).padEnd(widths[i]!))).join('  ').trimEnd()
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n')
}

export function printTable(headers: string[], rows: (string | number)[][]): void {
  console.log(formatTable(headers, rows))
}

/** Milliseconds and ratios: two decimals under 10, one under 100, none above. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—'
  const abs = Math.abs(value)
  return value.toFixed(abs < 10 ? 2 : abs < 100 ? 1 : 0)
}
