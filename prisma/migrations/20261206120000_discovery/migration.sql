-- CreateTable
CREATE TABLE "ProductView" (
    "id" TEXT NOT NULL,
    "viewer" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductView_viewer_productId_hour_key" ON "ProductView"("viewer", "productId", "hour");

-- CreateIndex
CREATE INDEX "ProductView_viewer_viewedAt_idx" ON "ProductView"("viewer", "viewedAt" DESC);

-- CreateIndex
CREATE INDEX "ProductView_hour_productId_idx" ON "ProductView"("hour", "productId");
