// An admin builds a staff role, gives it to someone already on staff (so other journeys keep
// their buyer a buyer), and the audit log records it all.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";

test("an admin creates a role, assigns it, and finds it in the audit log", async ({ page }) => {
  const roleName = `Reviewers ${Date.now()}`;
  await signIn(page, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);
  await page.goto("/en/admin/staff");

  await page.getByRole("button", { name: en.admin.staff.newRole }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(en.admin.staff.roleName).fill(roleName);
  await dialog.getByLabel(en.admin.permission.catalog.moderate).check();
  await dialog.getByLabel(en.admin.permission.audit.read).check();
  await dialog.getByRole("button", { name: en.common.create }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByTestId("staff-role").filter({ hasText: roleName });
  await expect(card).toContainText(en.admin.permission.catalog.moderate);

  // An unknown email is refused with a translated message and nothing changes.
  await card.getByLabel(en.admin.staff.assignEmail).fill("nobody@example.com");
  await card.getByRole("button", { name: en.admin.staff.assign }).click();
  await expect(card.getByText(en.errors.staff.userNotFound)).toBeVisible();
  await expect(card.getByTestId("staff-member")).toHaveCount(0);

  await card.getByLabel(en.admin.staff.assignEmail).fill(DEMO_ACCOUNTS.support.email);
  await card.getByRole("button", { name: en.admin.staff.assign }).click();
  await expect(card.getByTestId("staff-member")).toContainText(DEMO_ACCOUNTS.support.email);

  await page.goto(`/en/admin/audit?action=staffRole.`);
  const table = page.getByTestId("audit-table");
  await expect(table).toContainText("staffRole.create");
  await expect(table).toContainText("staffRole.assign");
  await expect(table).not.toContainText("auth.signIn");
});
