"use client";
import { Button } from "@/components/ui";

/** Opens the browser's print dialog (the receipt page hides everything else when printing). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" size="sm" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
