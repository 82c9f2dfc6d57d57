"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { Checkbox, Field, Input, Textarea, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { isStaffPermission, STAFF_PERMISSIONS, type StaffPermission } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc/client";
import { messageKeyOf, useErrorMessages } from "@/lib/trpc/errors";
import type { StaffRoleView } from "./types";

/**
 * Creates a role, or edits `role`: name, description and permissions. Keep it mounted and
 * toggle `open`; give it a new `key` after it closes so the next opening starts afresh.
 */
export function RoleFormDialog({ open, role, onClose }: { open: boolean; role?: StaffRoleView; onClose: () => void }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(role?.name ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [permissions, setPermissions] = useState<Set<StaffPermission>>(() => new Set(role?.permissions.filter(isStaffPermission)));
  // Each opening starts from the role as it is now (it may have changed since this mounted).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setName(role?.name ?? "");
      setDescription(role?.description ?? "");
      setPermissions(new Set(role?.permissions.filter(isStaffPermission)));
    }
  }

  const done = (message: string) => {
    toast({ title: message, tone: "success" });
    router.refresh();
    onClose();
  };
  const create = useMutation(trpc.access.createStaffRole.mutationOptions({ onSuccess: () => done(t("staff.created")) }));
  const update = useMutation(trpc.access.updateStaffRole.mutationOptions({ onSuccess: () => done(t("staff.updated")) }));
  const mutation = role ? update : create;
  const error = mutation.error;
  const nameError = errors.field(error, "name") ?? (messageKeyOf(error) === "staff.roleNameTaken" ? errors.message(error) : undefined);
  const descriptionError = errors.field(error, "description");
  const generalError = error && !nameError && !descriptionError ? errors.message(error) : undefined;

  // Runs after the dialog's own effect has opened it.
  useEffect(() => {
    if (open) nameRef.current?.focus();
  }, [open]);

  function toggle(permission: StaffPermission, on: boolean) {
    setPermissions((current) => {
      const next = new Set(current);
      if (on) next.add(permission);
      else next.delete(permission);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { name, description, permissions: STAFF_PERMISSIONS.filter((p) => permissions.has(p)) };
    if (role) update.mutate({ id: role.id, ...input });
    else create.mutate(input);
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={role ? t("staff.editRole") : t("staff.newRole")}
      size="lg"
      submitLabel={role ? tc("save") : tc("create")}
      pending={mutation.isPending}
      error={generalError}
      onSubmit={submit}
    >
      {(formId) => (
        <>
          <Field id={`${formId}-name`} label={t("staff.roleName")} error={nameError} required>
            {(c) => <Input {...c} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoComplete="off" dir="auto" ref={nameRef} />}
          </Field>
          <Field id={`${formId}-description`} label={t("staff.roleDescription")} error={descriptionError}>
            {(c) => <Textarea {...c} name="description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} dir="auto" />}
          </Field>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-neutral-900">{t("staff.permissions")}</legend>
            <div className="grid gap-3 rounded-lg border border-neutral-200 p-4 sm:grid-cols-2">
              {STAFF_PERMISSIONS.map((p) => (
                <Checkbox
                  key={p}
                  id={`${formId}-${p}`}
                  name="permissions"
                  value={p}
                  checked={permissions.has(p)}
                  onChange={(e) => toggle(p, e.target.checked)}
                  label={t(`permission.${p}`)}
                  description={
                    <code dir="ltr" className="text-xs">
                      {p}
                    </code>
                  }
                />
              ))}
            </div>
          </fieldset>
        </>
      )}
    </FormDialog>
  );
}
