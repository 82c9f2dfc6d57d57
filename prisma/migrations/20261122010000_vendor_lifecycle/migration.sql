-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "acceptingOrders" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "supportEmail" TEXT;

-- CreateTable
CREATE TABLE "VendorStatusChange" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "from" "VendorStatus",
    "to" "VendorStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VendorStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VendorStatusChange_vendorId_createdAt_idx" ON "VendorStatusChange"("vendorId", "createdAt");

-- AddForeignKey
ALTER TABLE "VendorStatusChange" ADD CONSTRAINT "VendorStatusChange_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
