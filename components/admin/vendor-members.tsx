"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert, Badge, Button, Card, CardBody, CardDescription, CardHeader, CardTitle, Checkbox, Field, Input, Select, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { VENDOR_PERMISSIONS, type VendorPermission } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import type { VendorInvitationView, VendorMemberView, VendorRoleValue } from "./vendor-types";

const ROLES: VendorRoleValue[] = ["STAFF", "ADMIN", "OWNER"];

/**
 * A vendor's members and pending invitations, with invite / revoke / remove. The admin console
 * (`scope="admin"`, staff with vendors.manage) and the seller center (`scope="seller"`) share it;
 * the server applies the same rules to both (only owners or staff invite owners, never the last owner).
 */
export function VendorMembers({
  scope,
  vendorId,
  members,
  invitations,
  canManage,
  canManageOwners,
  currentUserId,
  inviteDays,
}: {
  scope: "admin" | "seller";
  vendorId: string;
  members: VendorMemberView[];
  invitations: VendorInvitationView[];
  /** Show the invite, revoke and remove controls. */
  canManage: boolean;
  /** May invite, revoke and remove owners (owners and staff). */
  canManageOwners: boolean;
  currentUserId?: string;
  inviteDays: number;
}) {
  const t = useTranslations("sellerMembers");
  const tp = useTranslations("vendorPermission");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const formId = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<VendorRoleValue>("STAFF");
  const [permissions, setPermissions] = useState<Set<VendorPermission>>(new Set());
  const [removing, setRemoving] = useState<VendorMemberView | null>(null);
  const [revoking, setRevoking] = useState<VendorInvitationView | null>(null);

  const invited = (sentTo: string) => {
    toast({ title: t("invited", { email: sentTo }), tone: "success" });
    setEmail("");
    setRole("STAFF");
    setPermissions(new Set());
    router.refresh();
  };
  const removed = () => {
    toast({ title: t("removed"), tone: "success" });
    setRemoving(null);
    router.refresh();
  };
  const revoked = () => {
    toast({ title: t("revoked"), tone: "success" });
    setRevoking(null);
    router.refresh();
  };
  const adminInvite = useMutation(trpc.vendors.adminInviteMember.mutationOptions({ onSuccess: (r) => invited(r.email) }));
  const sellerInvite = useMutation(trpc.vendors.inviteMember.mutationOptions({ onSuccess: (r) => invited(r.email) }));
  const adminRemove = useMutation(trpc.vendors.adminRemoveMember.mutationOptions({ onSuccess: removed }));
  const sellerRemove = useMutation(trpc.vendors.removeMember.mutationOptions({ onSuccess: removed }));
  const adminRevoke = useMutation(trpc.vendors.adminRevokeInvitation.mutationOptions({ onSuccess: revoked }));
  const sellerRevoke = useMutation(trpc.vendors.revokeInvitation.mutationOptions({ onSuccess: revoked }));
  const invite = scope === "admin" ? adminInvite : sellerInvite;
  const remove = scope === "admin" ? adminRemove : sellerRemove;
  const revoke = scope === "admin" ? adminRevoke : sellerRevoke;

  const emailError = errors.field(invite.error, "email");
  const inviteError = invite.error && !emailError ? errors.message(invite.error) : undefined;
  const roles = ROLES.filter((r) => r !== "OWNER" || canManageOwners);
  const ownerCount = members.filter((m) => m.role === "OWNER").length;
  // The last owner can't be removed (the server refuses too), so no button is offered.
  const removable = (m: VendorMemberView) => m.role !== "OWNER" || (canManageOwners && ownerCount > 1);

  function toggle(permission: VendorPermission, on: boolean) {
    setPermissions((current) => {
      const next = new Set(current);
      if (on) next.add(permission);
      else next.delete(permission);
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    invite.mutate({ vendorId, email: email.trim(), role, permissions: role === "STAFF" ? VENDOR_PERMISSIONS.filter((p) => permissions.has(p)) : [] });
  }

  const permissionList = (role: VendorRoleValue, list: string[]) =>
    role !== "STAFF" ? (
      <Badge tone="brand">{t("allPermissions")}</Badge>
    ) : list.length === 0 ? (
      <span className="text-neutral-600">{t("noPermissions")}</span>
    ) : (
      <ul className="flex flex-wrap gap-1">
        {VENDOR_PERMISSIONS.filter((p) => list.includes(p)).map((p) => (
          <li key={p}>
            <Badge>{tp(p)}</Badge>
          </li>
        ))}
      </ul>
    );

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${formId}-members`}>
        <h3 id={`${formId}-members`} className="mb-3 text-base font-semibold">
          {t("members")}
        </h3>
        <Table caption={t("members")} data-testid="vendor-members">
          <THead>
            <TR>
              <TH>{t("colMember")}</TH>
              <TH>{t("colRole")}</TH>
              <TH>{t("colPermissions")}</TH>
              {canManage ? <TH className="text-end">{t("colActions")}</TH> : null}
            </TR>
          </THead>
          <TBody>
            {members.length === 0 ? (
              <TR>
                <TD colSpan={canManage ? 4 : 3} className="py-6 text-center text-neutral-600">
                  {t("noMembers")}
                </TD>
              </TR>
            ) : null}
            {members.map((m) => (
              <TR key={m.userId} data-testid="vendor-member">
                <TD className="min-w-52 align-top">
                  <div className="font-medium">
                    <bdi>{m.name}</bdi>
                    {m.userId === currentUserId ? <span className="ms-1 text-sm font-normal text-neutral-600">({t("you")})</span> : null}
                  </div>
                  <div className="text-sm text-neutral-600 [overflow-wrap:anywhere]">{m.email}</div>
                </TD>
                <TD className="align-top">
                  <Badge tone={m.role === "OWNER" ? "info" : "neutral"}>{t(`role.${m.role}`)}</Badge>
                </TD>
                <TD className="align-top">{permissionList(m.role, m.permissions)}</TD>
                {canManage ? (
                  <TD className="text-end align-top">
                    {removable(m) ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-danger-700 hover:bg-danger-50"
                        aria-label={t("removeLabel", { name: m.name || m.email })}
                        onClick={() => {
                          remove.reset();
                          setRemoving(m);
                        }}
                      >
                        {t("remove")}
                      </Button>
                    ) : null}
                  </TD>
                ) : null}
              </TR>
            ))}
          </TBody>
        </Table>
      </section>

      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle as="h3" className="text-base">
              {t("invite")}
            </CardTitle>
            <CardDescription>{t("inviteBody", { days: inviteDays })}</CardDescription>
          </CardHeader>
          <CardBody>
            <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="invite-form">
              {inviteError ? <Alert tone="danger">{inviteError}</Alert> : null}
              <div className="grid gap-4 sm:grid-cols-2">
                <Field id={`${formId}-email`} label={t("email")} error={emailError} required>
                  {(c) => (
                    <Input {...c} type="email" name="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} autoComplete="off" dir="ltr" required />
                  )}
                </Field>
                <Field id={`${formId}-role`} label={t("inviteRole")} hint={t(`roleHint.${role}`)}>
                  {(c) => (
                    <Select {...c} name="role" value={role} onChange={(e) => setRole(e.target.value as VendorRoleValue)}>
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
              </div>
              {role === "STAFF" ? (
                <fieldset>
                  <legend className="mb-2 text-sm font-medium text-neutral-900">{t("permissions")}</legend>
                  <div className="grid gap-3 rounded-lg border border-neutral-200 p-4 sm:grid-cols-2">
                    {VENDOR_PERMISSIONS.map((p) => (
                      <Checkbox
                        key={p}
                        id={`${formId}-${p}`}
                        name="permissions"
                        value={p}
                        checked={permissions.has(p)}
                        onChange={(e) => toggle(p, e.target.checked)}
                        label={tp(p)}
                      />
                    ))}
                  </div>
                </fieldset>
              ) : null}
              <div>
                <Button type="submit" loading={invite.isPending}>
                  {t("send")}
                </Button>
              </div>
            </form>
          </CardBody>
        </Card>
      ) : null}

      <section aria-labelledby={`${formId}-pending`}>
        <h3 id={`${formId}-pending`} className="mb-3 text-base font-semibold">
          {t("pending")}
        </h3>
        {invitations.length === 0 ? (
          <p className="text-sm text-neutral-600">{t("noPending")}</p>
        ) : (
          <Table caption={t("pending")} data-testid="vendor-invitations">
            <THead>
              <TR>
                <TH>{t("colEmail")}</TH>
                <TH>{t("colRole")}</TH>
                <TH>{t("colExpires")}</TH>
                {canManage ? <TH className="text-end">{t("colActions")}</TH> : null}
              </TR>
            </THead>
            <TBody>
              {invitations.map((i) => (
                <TR key={i.id} data-testid="vendor-invitation">
                  <TD className="min-w-52 align-top [overflow-wrap:anywhere]">{i.email}</TD>
                  <TD className="align-top">
                    <div className="flex flex-col items-start gap-1">
                      <Badge>{t(`role.${i.role}`)}</Badge>
                      {i.role === "STAFF" ? permissionList(i.role, i.permissions) : null}
                    </div>
                  </TD>
                  <TD className="align-top whitespace-nowrap">
                    {i.expired ? (
                      <Badge tone="warning">{t("expired")}</Badge>
                    ) : (
                      <time dateTime={i.expiresAt.toISOString()}>{format.dateTime(i.expiresAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                    )}
                  </TD>
                  {canManage ? (
                    <TD className="text-end align-top">
                      {i.role !== "OWNER" || canManageOwners ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-danger-700 hover:bg-danger-50"
                          aria-label={t("revokeLabel", { email: i.email })}
                          onClick={() => {
                            revoke.reset();
                            setRevoking(i);
                          }}
                        >
                          {t("revoke")}
                        </Button>
                      ) : null}
                    </TD>
                  ) : null}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>

      <ConfirmDialog
        open={removing !== null}
        title={t("removeTitle", { name: removing?.name || removing?.email || "" })}
        description={t("removeBody")}
        confirmLabel={t("remove")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => removing && remove.mutate({ vendorId, userId: removing.userId })}
        onClose={() => setRemoving(null)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t("revokeTitle", { email: revoking?.email ?? "" })}
        description={t("revokeBody")}
        confirmLabel={t("revoke")}
        pending={revoke.isPending}
        error={revoke.error ? errors.message(revoke.error) : undefined}
        onConfirm={() => revoking && revoke.mutate({ vendorId, invitationId: revoking.id })}
        onClose={() => setRevoking(null)}
      />
    </div>
  );
}
