// The search module's public face.
export type * from "./search.types";
export { searchEngine, setSearchEngine } from "./providers";
export { buildSearchDocuments, reindexAll, syncProducts } from "./search.documents";
export { searchProducts, suggest } from "./search.service";
export { SearchProductsInput, SuggestInput, SEARCH_SORTS, SEARCH_PAGE_SIZE } from "./search.schema";
