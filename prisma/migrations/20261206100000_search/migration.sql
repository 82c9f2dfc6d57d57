-- Search (PostgreSQL engine): trigram matching, accent folding, and plain columns in GIN indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- CreateTable
CREATE TABLE "SearchDocument" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "document" tsvector NOT NULL,
    "titleVector" tsvector NOT NULL,
    "brandSlug" TEXT,
    "brandName" TEXT,
    "categoryIds" TEXT[],
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "vendorId" TEXT NOT NULL,
    "vendorSlug" TEXT NOT NULL,
    "vendorName" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "minPrice" INTEGER NOT NULL,
    "maxPrice" INTEGER NOT NULL,
    "rating" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "inStock" BOOLEAN NOT NULL,
    "recentSales" INTEGER NOT NULL DEFAULT 0,
    "promoted" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "popularity" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchVocabulary" (
    "locale" TEXT NOT NULL,
    "word" TEXT NOT NULL,
    "frequency" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SearchVocabulary_pkey" PRIMARY KEY ("locale","word")
);

-- CreateTable
CREATE TABLE "SearchEngineSynonym" (
    "id" TEXT NOT NULL,
    "locale" TEXT,
    "terms" TEXT[],

    CONSTRAINT "SearchEngineSynonym_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchDocument_productId_idx" ON "SearchDocument"("productId");

-- CreateIndex
CREATE INDEX "SearchDocument_locale_popularity_idx" ON "SearchDocument"("locale", "popularity" DESC);

-- CreateIndex
CREATE INDEX "SearchDocument_locale_document_idx" ON "SearchDocument" USING GIN ("locale" text_ops, "document");

-- CreateIndex
CREATE INDEX "SearchDocument_locale_titleVector_idx" ON "SearchDocument" USING GIN ("locale" text_ops, "titleVector");

-- CreateIndex
CREATE INDEX "SearchDocument_locale_categoryIds_idx" ON "SearchDocument" USING GIN ("locale" text_ops, "categoryIds");

-- CreateIndex
CREATE INDEX "SearchVocabulary_word_trgm_idx" ON "SearchVocabulary" USING GIN ("word" gin_trgm_ops);
