"use client";
// Records a product view from the browser (the product page is statically rendered, so the
// server never sees who looks). Once per mount; failures (rate limit, offline) are ignored.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/lib/trpc/client";

export function RecordView({ productId }: { productId: string }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.discovery.recordView.mutationOptions());
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (sent.current === productId) return;
    sent.current = productId;
    mutate({ productId });
  }, [productId, mutate]);
  return null;
}
