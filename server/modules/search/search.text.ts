// Query text, taken apart safely: what the shopper typed is never handed to a query parser.
// It is folded (lower case, accents and marks removed), cut into words of letters and digits
// only, and read like a web search box: "exact phrase", -excluded, a OR b. Engines build their
// own query syntax from these words, so quotes, operators, NUL bytes or SQL in the input are
// just characters that are not letters.

/** Longest query text considered (the router refuses longer input; engines cut defensively). */
export const MAX_QUERY_CHARS = 200;
const MAX_WORDS = 12;
const MAX_WORD_CHARS = 40;

// Han, Hiragana, Katakana, Hangul: scripts written without spaces between words.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case without accents or combining marks ("Crème" → "creme", Arabic without harakat). */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC")
    .toLowerCase();
}

export const isCjk = (word: string) => CJK.test(word);

/**
 * Text prepared for indexing: folded, and each run of CJK characters written as its overlapping
 * character pairs ("蓝牙耳机" → "蓝牙 牙耳 耳机"), since those scripts put no spaces between words.
 */
export function indexText(text: string): string {
  return fold(text).replace(CJK_RUN, (run) => ` ${cjkGrams(run).join(" ")} `);
}

/** Character pairs of a CJK run (a single character stays itself). */
export function cjkGrams(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/** Letter/digit words of a piece of text, CJK runs split from the rest. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of fold(text).matchAll(WORD)) {
    for (const part of match[0].split(/([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/u)) {
      if (part) out.push([...part].slice(0, MAX_WORD_CHARS).join(""));
    }
  }
  return out;
}

const COMPOUND = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;

/** A hyphenated word kept whole ("t-shirt", "wi-fi"): the text-search parser indexes it as one lexeme plus its parts. */
export const isCompound = (token: string) => COMPOUND.test(token);

/**
 * The tokens of one space-free piece of text: letter/digit words, except that a hyphenated word
 * stays one token ("t-shirt") so it matches the way the index parsed it.
 */
export function pieceTokens(piece: string): string[] {
  const folded = fold(piece).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if (folded.length <= 60 && isCompound(folded) && !isCjk(folded)) return [folded];
  return words(piece);
}

/** The tokens of a synonym term or any text (pieces split on spaces). */
export const termTokens = (text: string) => text.split(/\s+/).flatMap(pieceTokens);

export interface QueryClause {
  /** One word, or the words of a "quoted phrase" (matched next to each other). */
  words: string[];
  phrase: boolean;
  negated: boolean;
  /** This clause or the next one (`a OR b`). */
  orNext: boolean;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** The last clause is a word still being typed (no space after it): match it as a prefix. */
  lastIsPrefix: boolean;
}

/**
 * Parses search-box text like a web search: words (all required), "quoted phrases", -word to
 * exclude, OR between two terms. Anything else is ignored; the result holds only folded
 * letter/digit words, at most 12 of them.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.slice(0, MAX_QUERY_CHARS * 2).replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, MAX_QUERY_CHARS);
  const clauses: QueryClause[] = [];
  let count = 0;
  // Tokens: a quoted phrase (only when its closing quote exists) or a run of non-space characters.
  const tokens = text.matchAll(/(-?)"([^"]*)"|(\S+)/g);
  for (const token of tokens) {
    if (count >= MAX_WORDS) break;
    const quoted = token[2] !== undefined;
    let piece = quoted ? token[2]! : token[3]!;
    let negated = quoted && token[1] === "-";
    if (!quoted && piece.startsWith("-") && piece.length > 1) {
      negated = true;
      piece = piece.slice(1);
    }
    if (!quoted && piece === "OR") {
      const previous = clauses.at(-1);
      if (previous && !previous.negated) previous.orNext = true;
      continue;
    }
    const found = (quoted ? termTokens(piece) : pieceTokens(piece)).slice(0, MAX_WORDS - count);
    if (found.length === 0) continue;
    count += found.length;
    if (quoted || negated) clauses.push({ words: found, phrase: found.length > 1, negated, orNext: false });
    else for (const word of found) clauses.push({ words: [word], phrase: false, negated: false, orNext: false });
  }
  // A trailing OR joins nothing.
  const last = clauses.at(-1);
  if (last) last.orNext = false;
  const endsInWord = /[\p{L}\p{N}]$/u.test(text);
  return { clauses, lastIsPrefix: Boolean(last && !last.phrase && !last.negated && endsInWord) };
}
