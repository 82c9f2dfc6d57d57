-- CreateTable
CREATE TABLE "SearchSynonymGroup" (
    "id" TEXT NOT NULL,
    "locale" TEXT,
    "terms" TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchSynonymGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchQueryLog" (
    "id" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "resultCount" INTEGER NOT NULL,
    "userId" TEXT,
    "visitorKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchQueryLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchClick" (
    "id" TEXT NOT NULL,
    "queryLogId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchClick_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchSynonymGroup_locale_idx" ON "SearchSynonymGroup"("locale");

-- CreateIndex
CREATE INDEX "SearchQueryLog_createdAt_idx" ON "SearchQueryLog"("createdAt");

-- CreateIndex (text_pattern_ops: LIKE 'prefix%' uses it whatever the database collation)
CREATE INDEX "SearchQueryLog_locale_query_createdAt_idx" ON "SearchQueryLog"("locale", "query" text_pattern_ops, "createdAt");

-- CreateIndex
CREATE INDEX "SearchClick_queryLogId_idx" ON "SearchClick"("queryLogId");

-- CreateIndex
CREATE INDEX "SearchClick_createdAt_idx" ON "SearchClick"("createdAt");

-- AddForeignKey
ALTER TABLE "SearchClick" ADD CONSTRAINT "SearchClick_queryLogId_fkey" FOREIGN KEY ("queryLogId") REFERENCES "SearchQueryLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;
