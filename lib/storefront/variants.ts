// Choosing a product variant by its option values (Colour, Size…). A value is offered when some
// active variant has it together with the values chosen for the options before it, so every
// variant stays reachable by picking options in order.

export interface VariantOption {
  name: string;
  values: string[];
}

export interface PickableVariant {
  id: string;
  optionValues: Record<string, string>;
}

/** Is `value` of option number `index` available given the selection of the options before it? */
export function isValueAvailable<V extends PickableVariant>(options: VariantOption[], variants: V[], selected: V | null, index: number, value: string): boolean {
  const name = options[index]!.name;
  return variants.some((v) => v.optionValues[name] === value
    && options.slice(0, index).every((o) => !selected || v.optionValues[o.name] === selected.optionValues[o.name]));
}

/**
 * The variant to show after choosing `value` for option `index`: the one keeping the earlier
 * options and as many of the later ones as possible; null when no active variant has the value.
 */
export function pickVariant<V extends PickableVariant>(options: VariantOption[], variants: V[], selected: V | null, index: number, value: string): V | null {
  const name = options[index]!.name;
  const before = options.slice(0, index);
  const after = options.slice(index + 1);
  const candidates = variants.filter((v) => v.optionValues[name] === value);
  const keepingEarlier = candidates.filter((v) => before.every((o) => !selected || v.optionValues[o.name] === selected.optionValues[o.name]));
  const pool = keepingEarlier.length ? keepingEarlier : candidates;
  let best: V | null = null;
  let bestScore = -1;
  for (const v of pool) {
    // Earlier options weigh more than later ones, so the choice stays predictable.
    const score = [...before, ...after].reduce((s, o, i, all) =>
      s + (selected && v.optionValues[o.name] === selected.optionValues[o.name] ? 2 ** (all.length - i) : 0), 0);
    if (score > bestScore) [best, bestScore] = [v, score];
  }
  return best;
}

/** The variant named in the URL, else the first one (variants come in the seller's order). */
export function initialVariant<V extends PickableVariant>(variants: V[], id: string | undefined): V | null {
  return variants.find((v) => v.id === id) ?? variants[0] ?? null;
}
