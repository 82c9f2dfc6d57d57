/** `sizes` of a card in the home page's horizontal rows (about a fifth of the page on desktop). */
export const CARD_SIZES_CLIENT = "(min-width: 1280px) 16vw, (min-width: 1024px) 20vw, (min-width: 640px) 28vw, 42vw";
