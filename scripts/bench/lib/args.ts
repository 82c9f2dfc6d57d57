// Numeric command-line options of the benchmarks: `--name 123`.

/** The number after `--<name>`, or `fallback`; anything else stops the benchmark with a clear message. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}
