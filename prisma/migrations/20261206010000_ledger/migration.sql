-- CreateEnum
CREATE TYPE "LedgerAccountType" AS ENUM ('VENDOR_PENDING', 'VENDOR_AVAILABLE', 'VENDOR_PAID_OUT', 'PLATFORM_CLEARING', 'PLATFORM_CASH_ON_DELIVERY', 'PLATFORM_COMMISSION', 'PLATFORM_FEES');

-- CreateEnum
CREATE TYPE "LedgerTransactionKind" AS ENUM ('CHARGE', 'CASH_ON_DELIVERY', 'REFUND', 'RELEASE', 'PAYOUT', 'PAYOUT_REVERSAL');

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('PENDING', 'PAID', 'FAILED');

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN "stripeAccountId" TEXT;

-- CreateTable
CREATE TABLE "CommissionRule" (
    "key" TEXT NOT NULL,
    "vendorId" TEXT,
    "categoryId" TEXT,
    "rateBps" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "CommissionRule_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "CommissionRule_rate_check" CHECK ("rateBps" >= 0 AND "rateBps" <= 10000)
);

-- CreateTable
CREATE TABLE "LedgerAccount" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" "LedgerAccountType" NOT NULL,
    "vendorId" TEXT,
    "currency" CHAR(3) NOT NULL,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerTransaction" (
    "id" TEXT NOT NULL,
    "kind" "LedgerTransactionKind" NOT NULL,
    "sourceId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "orderId" TEXT,
    "memo" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "transactionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "vendorId" TEXT,
    "subOrderId" TEXT,
    "payoutId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "LedgerEntry_amount_check" CHECK ("amount" <> 0)
);

-- CreateTable
CREATE TABLE "SellerEarning" (
    "id" TEXT NOT NULL,
    "subOrderId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "gross" INTEGER NOT NULL,
    "commission" INTEGER NOT NULL,
    "fee" INTEGER NOT NULL,
    "net" INTEGER NOT NULL,
    "commissionRateBps" INTEGER NOT NULL,
    "refunded" INTEGER NOT NULL DEFAULT 0,
    "commissionReturned" INTEGER NOT NULL DEFAULT 0,
    "releaseAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SellerEarning_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SellerEarning_split_check" CHECK ("gross" = "net" + "commission" + "fee" AND "refunded" <= "gross" AND "commissionReturned" <= "commission")
);

-- CreateTable
CREATE TABLE "VendorPayoutRequest" (
    "id" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'PENDING',
    "provider" TEXT NOT NULL,
    "providerTransferId" TEXT,
    "failureMessage" TEXT,
    "requestedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VendorPayoutRequest_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "VendorPayoutRequest_amount_check" CHECK ("amount" > 0 AND "periodStart" < "periodEnd")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommissionRule_vendorId_key" ON "CommissionRule"("vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionRule_categoryId_key" ON "CommissionRule"("categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_key_key" ON "LedgerAccount"("key");

-- CreateIndex
CREATE INDEX "LedgerAccount_vendorId_idx" ON "LedgerAccount"("vendorId");

-- CreateIndex
CREATE INDEX "LedgerTransaction_orderId_idx" ON "LedgerTransaction"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerTransaction_kind_sourceId_key" ON "LedgerTransaction"("kind", "sourceId");

-- CreateIndex
CREATE INDEX "LedgerEntry_transactionId_idx" ON "LedgerEntry"("transactionId");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_createdAt_idx" ON "LedgerEntry"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_vendorId_createdAt_idx" ON "LedgerEntry"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_subOrderId_idx" ON "LedgerEntry"("subOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "SellerEarning_subOrderId_key" ON "SellerEarning"("subOrderId");

-- CreateIndex
CREATE INDEX "SellerEarning_vendorId_createdAt_idx" ON "SellerEarning"("vendorId", "createdAt");

-- CreateIndex
CREATE INDEX "SellerEarning_releasedAt_releaseAt_idx" ON "SellerEarning"("releasedAt", "releaseAt");

-- CreateIndex
CREATE INDEX "VendorPayoutRequest_status_createdAt_idx" ON "VendorPayoutRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "VendorPayoutRequest_vendorId_createdAt_idx" ON "VendorPayoutRequest"("vendorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VendorPayoutRequest_vendorId_currency_periodStart_periodEnd_key" ON "VendorPayoutRequest"("vendorId", "currency", "periodStart", "periodEnd");

-- AddForeignKey
ALTER TABLE "CommissionRule" ADD CONSTRAINT "CommissionRule_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionRule" ADD CONSTRAINT "CommissionRule_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_transactionId_fkey" FOREIGN KEY ("transactionId") REFERENCES "LedgerTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LedgerAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SellerEarning" ADD CONSTRAINT "SellerEarning_subOrderId_fkey" FOREIGN KEY ("subOrderId") REFERENCES "SubOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SellerEarning" ADD CONSTRAINT "SellerEarning_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorPayoutRequest" ADD CONSTRAINT "VendorPayoutRequest_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Ledger integrity (not expressible in the Prisma schema; the drift test does not compare
-- triggers or CHECK constraints). At COMMIT, every ledger transaction that gained entries
-- must sum to zero; entries are append-only.
CREATE FUNCTION "ledger_transaction_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total BIGINT;
BEGIN
  SELECT COALESCE(SUM("amount"), 0) INTO total FROM "LedgerEntry" WHERE "transactionId" = NEW."transactionId";
  IF total <> 0 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance (sum %)', NEW."transactionId", total USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "LedgerEntry_balanced" AFTER INSERT ON "LedgerEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_transaction_balanced"();

CREATE FUNCTION "ledger_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_append_only"();
