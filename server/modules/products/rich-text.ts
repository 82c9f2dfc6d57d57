// Product descriptions are rich text written by sellers: only a small allowlist of tags
// survives, links get rel="nofollow noopener" and must be http(s) or mailto.
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td"],
  // rel and target are what the transform below sets; a seller's own values are replaced.
  allowedAttributes: { a: ["href", "title", "rel", "target"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer", target: "_blank" }),
    // Headings in a description sit under the page's h1.
    h1: "h2",
  },
};

/** The description's HTML with everything outside the allowlist removed. */
export function sanitizeDescription(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  // An editor's empty paragraph is no description.
  return /^(<p>(\s|<br\s*\/?>|&nbsp;)*<\/p>\s*)*$/.test(clean) ? "" : clean;
}

/** Plain text of a description for meta tags and listings, cut at `max` characters on a word. */
export function descriptionExcerpt(html: string, max = 160): string {
  // Blocks end with a space so "<p>One.</p><ul><li>Two</li>" reads "One. Two".
  const spaced = html.replace(/<\/(p|li|h[1-6]|blockquote|tr|td|th)>|<br\s*\/?>/gi, "$& ");
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;/g, " ").replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
