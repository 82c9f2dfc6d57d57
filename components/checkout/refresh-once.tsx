"use client";
// After a client-side navigation the shared layout (the header's cart count) keeps its old
// render; the confirmation page refreshes it once, so the bought items leave the count.
import { useEffect, useRef } from "react";
import { useRouter } from "@/lib/i18n/navigation";

export function RefreshOnce() {
  const router = useRouter();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    router.refresh();
  }, [router]);
  return null;
}
