"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui";
import { RoleFormDialog } from "./role-form-dialog";

/** "New role": opens the role form empty. */
export function NewRoleButton() {
  const t = useTranslations("admin");
  const [open, setOpen] = useState(false);
  // A fresh form after each closing (remounting while closed keeps the <dialog> happy).
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" />
        </svg>
        {t("staff.newRole")}
      </Button>
      <RoleFormDialog
        key={formKey}
        open={open}
        onClose={() => {
          setOpen(false);
          setFormKey((k) => k + 1);
        }}
      />
    </>
  );
}
