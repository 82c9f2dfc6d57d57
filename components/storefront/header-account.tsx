"use client";
// The storefront header's account area, read after load (see use-fresh-query.ts). Until the
// answer arrives it keeps the space of the sign-in links so the header does not jump.
import { useQuery } from "@tanstack/react-query";
import { AccountMenu } from "@/components/shell/account-menu";
import { useTRPC } from "@/lib/trpc/client";
import { useFreshQuery } from "./use-fresh-query";

export function HeaderAccount() {
  const trpc = useTRPC();
  const viewer = useQuery(trpc.identity.viewer.queryOptions());
  useFreshQuery(trpc.identity.viewer.queryKey());
  if (viewer.isPending) return <div aria-hidden="true" className="h-10 w-10 md:w-44" />;
  return <AccountMenu viewer={viewer.data ?? null} />;
}
