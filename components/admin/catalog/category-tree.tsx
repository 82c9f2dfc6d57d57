"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { Alert, Button, Dialog, EmptyState, Field, Select, useToast } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { CategoryFormDialog, type CategoryFormTarget } from "./category-form-dialog";
import type { CategoryNodeView } from "./types";

interface Flat {
  node: CategoryNodeView;
  /** Names from the root down to this node. */
  path: string[];
  /** Ids of this node and everything below it. */
  subtree: Set<string>;
}

function flatten(nodes: CategoryNodeView[], path: string[] = [], out: Flat[] = []): Flat[] {
  for (const node of nodes) {
    const here: Flat = { node, path: [...path, node.name], subtree: new Set([node.id]) };
    out.push(here);
    const start = out.length;
    flatten(node.children, here.path, out);
    for (const below of out.slice(start)) here.subtree.add(below.node.id);
  }
  return out;
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={`size-4 transition-transform ${open ? "rotate-90" : "rtl:rotate-180"}`}>
      <path fillRule="evenodd" d="M7.21 14.77a.75.75 0 0 1 .02-1.06L11.17 10 7.23 6.29a.75.75 0 1 1 1.04-1.08l4.5 4.25a.75.75 0 0 1 0 1.08l-4.5 4.25a.75.75 0 0 1-1.06-.02Z" clipRule="evenodd" />
    </svg>
  );
}

/** The category tree with its actions: add, edit names, move, reorder, delete. */
export function CategoryTree({ tree }: { tree: CategoryNodeView[] }) {
  const t = useTranslations("adminCatalog");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const id = useId();
  const flat = useMemo(() => flatten(tree), [tree]);
  const byId = useMemo(() => new Map(flat.map((f) => [f.node.id, f])), [flat]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(tree.map((n) => n.id)));
  const [form, setForm] = useState<CategoryFormTarget | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [moving, setMoving] = useState<CategoryNodeView | null>(null);
  const [moveTarget, setMoveTarget] = useState("");
  const [deleting, setDeleting] = useState<CategoryNodeView | null>(null);

  const reorder = useMutation(trpc.catalog.reorderCategories.mutationOptions({
    onSuccess: () => router.refresh(),
    onError: (e) => toast({ title: errors.message(e), tone: "danger" }),
  }));
  const move = useMutation(trpc.catalog.moveCategory.mutationOptions({
    onSuccess: (result) => {
      toast({ title: t("moved", { count: result.updatedProducts }), tone: "success" });
      setMoving(null);
      router.refresh();
    },
  }));
  const remove = useMutation(trpc.catalog.deleteCategory.mutationOptions({
    onSuccess: () => {
      toast({ title: t("categoryDeleted"), tone: "success" });
      setDeleting(null);
      router.refresh();
    },
  }));

  const openForm = (target: CategoryFormTarget) => {
    setForm(target);
    setFormOpen(true);
  };
  const toggle = (nodeId: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(nodeId)) next.delete(nodeId);
      else next.add(nodeId);
      return next;
    });
  const siblingsOf = (node: CategoryNodeView) => (node.parentId ? byId.get(node.parentId)?.node.children : tree) ?? [];
  const shift = (node: CategoryNodeView, by: -1 | 1) => {
    const ids = siblingsOf(node).map((s) => s.id);
    const i = ids.indexOf(node.id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    reorder.mutate({ parentId: node.parentId, orderedIds: ids });
  };
  const moveTargets = moving ? flat.filter((f) => !byId.get(moving.id)?.subtree.has(f.node.id) && f.node.id !== moving.parentId) : [];

  function renderNodes(nodes: CategoryNodeView[], level: number) {
    return nodes.map((node, index) => {
      const open = expanded.has(node.id);
      const nameId = `${id}-${node.id}-name`;
      const childrenId = `${id}-${node.id}-children`;
      return (
        <li key={node.id} data-testid="category-node" data-slug={node.slug}>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-lg px-2 py-1.5 hover:bg-neutral-50" style={{ paddingInlineStart: `${level * 1.5 + 0.5}rem` }}>
            {node.children.length > 0 ? (
              <button
                type="button"
                className="inline-flex size-8 items-center justify-center rounded-md text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                aria-expanded={open}
                aria-controls={childrenId}
                aria-label={open ? t("collapse", { name: node.name }) : t("expand", { name: node.name })}
                onClick={() => toggle(node.id)}
              >
                <Chevron open={open} />
              </button>
            ) : (
              <span className="inline-block size-8" aria-hidden="true" />
            )}
            <div className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-2">
              <Link id={nameId} href={`/admin/catalog/categories/${node.id}`} className="font-medium text-brand-700 hover:underline">
                <bdi>{node.name}</bdi>
              </Link>
              <code dir="ltr" className="text-xs text-neutral-600">{node.slug}</code>
              {node.children.length > 0 ? <span className="text-xs text-neutral-600">{t("childCount", { count: node.children.length })}</span> : null}
            </div>
            <div className="flex flex-wrap items-center gap-1">
              <Button size="sm" variant="ghost" aria-describedby={nameId} onClick={() => openForm({ mode: "create", parentId: node.id, parentName: node.name })}>
                {t("addChild")}
              </Button>
              <Button size="sm" variant="ghost" aria-describedby={nameId} onClick={() => openForm({ mode: "edit", id: node.id, slug: node.slug, names: node.names })}>
                {tc("edit")}
              </Button>
              <Button size="sm" variant="ghost" aria-describedby={nameId} onClick={() => { move.reset(); setMoveTarget(""); setMoving(node); }}>
                {t("move")}
              </Button>
              <Button size="sm" variant="ghost" aria-describedby={nameId} disabled={index === 0 || reorder.isPending} onClick={() => shift(node, -1)}>
                {t("moveUp")}
              </Button>
              <Button size="sm" variant="ghost" aria-describedby={nameId} disabled={index === nodes.length - 1 || reorder.isPending} onClick={() => shift(node, 1)}>
                {t("moveDown")}
              </Button>
              <Button size="sm" variant="ghost" className="text-danger-700 hover:bg-danger-50" aria-describedby={nameId} onClick={() => { remove.reset(); setDeleting(node); }}>
                {tc("delete")}
              </Button>
            </div>
          </div>
          {node.children.length > 0 ? (
            <ul id={childrenId} hidden={!open} className="flex flex-col">
              {renderNodes(node.children, level + 1)}
            </ul>
          ) : null}
        </li>
      );
    });
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t("tree")}
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={() => setExpanded(new Set(flat.filter((f) => f.node.children.length > 0).map((f) => f.node.id)))}>
            {t("expandAll")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setExpanded(new Set())}>
            {t("collapseAll")}
          </Button>
          <Button size="sm" onClick={() => openForm({ mode: "create", parentId: null, parentName: null })}>
            {t("addRoot")}
          </Button>
        </div>
      </div>
      {tree.length === 0 ? (
        <div className="rounded-xl border border-neutral-200 bg-white">
          <EmptyState headingLevel="h3" title={t("noCategories")} description={t("noCategoriesBody")} />
        </div>
      ) : (
        <ul className="flex flex-col rounded-xl border border-neutral-200 bg-white p-2" data-testid="category-tree">
          {renderNodes(tree, 0)}
        </ul>
      )}

      <CategoryFormDialog open={formOpen} target={form} onClose={() => setFormOpen(false)} />

      <Dialog
        open={moving != null}
        onClose={() => setMoving(null)}
        title={moving ? t("moveTitle", { name: moving.name }) : t("move")}
        description={t("moveBody")}
        closeLabel={tc("close")}
        size="md"
        footer={
          <>
            <Button variant="secondary" onClick={() => setMoving(null)}>
              {tc("cancel")}
            </Button>
            <Button
              loading={move.isPending}
              disabled={moveTarget === ""}
              onClick={() => moving && move.mutate({ categoryId: moving.id, parentId: moveTarget === "__root" ? null : moveTarget })}
            >
              {t("move")}
            </Button>
          </>
        }
      >
        <div className="flex flex-col gap-3">
          {move.error ? <Alert tone="danger">{errors.message(move.error)}</Alert> : null}
          <Field id={`${id}-move-target`} label={t("newParent")}>
            {(c) => (
              <Select {...c} value={moveTarget} onChange={(e) => setMoveTarget(e.target.value)}>
                <option value="" disabled>
                  {t("chooseParent")}
                </option>
                {moving?.parentId ? <option value="__root">{t("topLevel")}</option> : null}
                {moveTargets.map((f) => (
                  <option key={f.node.id} value={f.node.id}>
                    {f.path.join(" › ")}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </Dialog>

      <ConfirmDialog
        open={deleting != null}
        title={t("deleteCategory")}
        description={deleting ? t("deleteCategoryConfirm", { name: deleting.name }) : undefined}
        confirmLabel={tc("delete")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => deleting && remove.mutate({ categoryId: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
