"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Badge, Button, Card, CardBody, CardDescription, CardHeader, CardTitle, Field, Input, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { STAFF_PERMISSIONS } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { RoleFormDialog } from "./role-form-dialog";
import type { StaffRoleView } from "./types";

type Member = StaffRoleView["members"][number];

/** One staff role: its permissions, the people holding it, and the actions on both. */
export function RoleCard({ role }: { role: StaffRoleView }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const id = useId();
  const titleId = `${id}-title`;
  const [editing, setEditing] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [email, setEmail] = useState("");

  const assign = useMutation(
    trpc.access.assignStaffRole.mutationOptions({
      onSuccess: () => {
        toast({ title: t("staff.assigned"), tone: "success" });
        setEmail("");
        router.refresh();
      },
    }),
  );
  const unassign = useMutation(
    trpc.access.unassignStaffRole.mutationOptions({
      onSuccess: () => {
        toast({ title: t("staff.unassigned"), tone: "success" });
        setRemoving(null);
        router.refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.access.deleteStaffRole.mutationOptions({
      onSuccess: () => {
        toast({ title: t("staff.deleted"), tone: "success" });
        setDeleting(false);
        router.refresh();
      },
    }),
  );

  const permissions = STAFF_PERMISSIONS.filter((p) => role.permissions.includes(p));

  function addPerson(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    assign.mutate({ email: email.trim(), roleId: role.id });
  }

  return (
    <Card data-testid="staff-role" data-role-name={role.name}>
      <CardHeader
        actions={
          <>
            <Button variant="secondary" size="sm" aria-describedby={titleId} onClick={() => setEditing(true)}>
              {t("staff.editRole")}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              className="text-danger-700 hover:bg-danger-50"
              aria-describedby={titleId}
              onClick={() => {
                remove.reset();
                setDeleting(true);
              }}
            >
              {t("staff.deleteRole")}
            </Button>
          </>
        }
      >
        <CardTitle as="h3" id={titleId}>
          <bdi>{role.name}</bdi>
        </CardTitle>
        {role.description ? <CardDescription>
            <bdi>{role.description}</bdi>
          </CardDescription> : null}
      </CardHeader>
      <CardBody className="flex flex-col gap-5">
        <div>
          <h4 className="mb-2 text-sm font-semibold text-neutral-700">{t("staff.permissions")}</h4>
          {permissions.length === 0 ? (
            <p className="text-sm text-neutral-600">{t("staff.noPermissions")}</p>
          ) : (
            <ul className="flex flex-wrap gap-1.5" data-testid="role-permissions">
              {permissions.map((p) => (
                <li key={p}>
                  <Badge tone="brand">{t(`permission.${p}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h4 className="mb-2 flex items-center gap-2 text-sm font-semibold text-neutral-700">
            {t("staff.members")}
            <Badge>{t("staff.memberCount", { count: role.members.length })}</Badge>
          </h4>
          {role.members.length === 0 ? (
            <p className="text-sm text-neutral-600">{t("staff.noMembers")}</p>
          ) : (
            <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200">
              {role.members.map((m) => (
                <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2" data-testid="staff-member">
                  <div id={`${id}-${m.id}`} className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium">
                      <bdi>{m.name}</bdi>
                    </p>
                    <p className="truncate text-sm text-neutral-600">{m.email}</p>
                  </div>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="text-danger-700 hover:bg-danger-50"
                    aria-describedby={`${id}-${m.id}`}
                    onClick={() => {
                      unassign.reset();
                      setRemoving(m);
                    }}
                  >
                    {t("staff.remove")}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <form onSubmit={addPerson} noValidate>
          <Field id={`${id}-email`} label={t("staff.assignEmail")} error={assign.error ? (errors.field(assign.error, "email") ?? errors.message(assign.error)) : undefined}>
            {(c) => (
              <div className="flex flex-col gap-2 sm:flex-row">
                <Input
                  {...c}
                  type="email"
                  name="email"
                  autoComplete="off"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  className="sm:max-w-sm"
                />
                <Button type="submit" variant="secondary" loading={assign.isPending} aria-describedby={titleId}>
                  {t("staff.assign")}
                </Button>
              </div>
            )}
          </Field>
        </form>
      </CardBody>

      <RoleFormDialog
        key={formKey}
        open={editing}
        role={role}
        onClose={() => {
          setEditing(false);
          setFormKey((k) => k + 1);
        }}
      />
      <ConfirmDialog
        open={deleting}
        title={t("staff.deleteRole")}
        description={t("staff.deleteConfirm", { role: role.name })}
        confirmLabel={tc("delete")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => remove.mutate({ id: role.id })}
        onClose={() => setDeleting(false)}
      />
      <ConfirmDialog
        open={removing != null}
        title={t("staff.removeTitle")}
        description={removing ? t("staff.removeConfirm", { email: removing.email, role: role.name }) : undefined}
        confirmLabel={t("staff.remove")}
        pending={unassign.isPending}
        error={unassign.error ? errors.message(unassign.error) : undefined}
        onConfirm={() => removing && unassign.mutate({ userId: removing.id, roleId: role.id })}
        onClose={() => setRemoving(null)}
      />
    </Card>
  );
}
