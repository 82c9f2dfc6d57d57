import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

// Rendered with status 403 when a page calls forbidden() (signed in, but not allowed).
export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return <StatusPage code="403" title={t("title")} body={t("body")} homeLabel={t("home")} />;
}
