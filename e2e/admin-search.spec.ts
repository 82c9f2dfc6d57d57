// An admin reads the search report (seeded logs), adds a synonym group, sees it listed, edits it
// and deletes it after confirming.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";

test("an admin reads the search report and manages synonym groups", async ({ page }) => {
  const word = `lamp${Date.now().toString(36)}`;
  await signIn(page, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);
  await page.goto("/en/admin");
  await page.getByRole("link", { name: en.admin.search.title }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: en.adminSearch.title })).toBeVisible();

  // The seeded searches: popular queries with their CTR, and searches that found nothing.
  await expect(page.getByTestId("popular-queries")).toContainText("headphones");
  await expect(page.getByTestId("zero-result-queries")).toContainText("hedphones");
  await expect(page.getByRole("img", { name: en.adminSearch.chartTitle })).toBeVisible();
  await page.getByRole("link", { name: en.adminSearch.lastDays.replace("{days}", "7") }).click();
  await expect(page).toHaveURL(/days=7/);
  await expect(page.getByRole("link", { name: en.adminSearch.lastDays.replace("{days}", "7") })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("synonym-groups")).toContainText("couch");

  // A group needs two different words.
  await page.getByRole("button", { name: en.adminSearch.addGroup }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(en.adminSearch.terms).fill(`${word}, ${word.toUpperCase()}`);
  await dialog.getByRole("button", { name: en.common.create }).click();
  await expect(dialog.getByText(en.errors.search.synonymDuplicateTerm)).toBeVisible();
  await dialog.getByLabel(en.adminSearch.terms).fill(`${word}, Light ${word}`);
  await dialog.getByLabel(en.adminSearch.language).selectOption("fr");
  await dialog.getByRole("button", { name: en.common.create }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId("synonym-group").filter({ hasText: word });
  await expect(row).toContainText(`light ${word}`);
  await expect(row).toContainText("Français");

  // Edit: add a word.
  await row.getByRole("button", { name: new RegExp(`^${en.adminSearch.edit}`) }).click();
  await expect(dialog.getByLabel(en.adminSearch.terms)).toHaveValue(`${word}, light ${word}`);
  await dialog.getByLabel(en.adminSearch.terms).fill(`${word}, light ${word}, ${word} light`);
  await dialog.getByRole("button", { name: en.common.save }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(`${word} light`);

  // Delete after confirming.
  await row.getByRole("button", { name: new RegExp(`^${en.adminSearch.delete}`) }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm).toContainText(en.adminSearch.confirmDelete);
  await confirm.getByRole("button", { name: en.adminSearch.delete }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("synonym-group").filter({ hasText: word })).toHaveCount(0);
});
