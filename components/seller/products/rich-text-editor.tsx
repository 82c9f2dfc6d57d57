"use client";
// A small rich-text editor: a contentEditable region with a toolbar (bold, italic, heading,
// lists, link). It emits HTML; the server keeps only its allowlist, so this stays light.

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button, cn, Input } from "@/components/ui";

type Command = "bold" | "italic" | "heading" | "insertUnorderedList" | "insertOrderedList" | "link";

const ICONS: Record<Command, string> = {
  bold: "M6 4h5a3.5 3.5 0 0 1 0 7H6zM6 11h6a3.5 3.5 0 0 1 0 7H6z",
  italic: "M10 4h6M4 18h6M13 4l-4 14",
  heading: "M5 4v14M15 4v14M5 11h10",
  insertUnorderedList: "M8 5h10M8 11h10M8 17h10M4 5h.01M4 11h.01M4 17h.01",
  insertOrderedList: "M9 5h10M9 11h10M9 17h10M4 4v3M3.5 17h2l-2 2h2",
  link: "M9 13a4 4 0 0 0 5.66 0l2.83-2.83a4 4 0 0 0-5.66-5.66L10.5 5.84M11 9a4 4 0 0 0-5.66 0L2.51 11.83a4 4 0 0 0 5.66 5.66l1.33-1.33",
};

/**
 * The editor's HTML tidied for saving: execCommand can leave blocks inside a <p> and <div>s
 * (pasted or typed), and empty paragraphs; the live DOM is left alone so the caret stays put.
 */
function cleanHtml(root: HTMLElement): string {
  const clone = root.cloneNode(true) as HTMLElement;
  for (const div of [...clone.querySelectorAll("div")]) {
    const p = document.createElement("p");
    p.append(...div.childNodes);
    div.replaceWith(p);
  }
  for (const p of [...clone.querySelectorAll("p")].reverse()) {
    if (p.querySelector("ul,ol,h2,h3,h4,p,blockquote,table")) p.replaceWith(...p.childNodes);
  }
  for (const p of [...clone.querySelectorAll("p")]) if (!p.textContent?.trim()) p.remove();
  return clone.innerHTML;
}

export interface RichTextEditorProps {
  id: string;
  /** Visible label text (the editor is named by it). */
  label: string;
  /** Initial HTML; changing `resetKey` reloads it into the editor. */
  value: string;
  onChange: (html: string) => void;
  resetKey?: string;
  invalid?: boolean;
  describedBy?: string;
  dir?: "ltr" | "rtl";
  lang?: string;
  disabled?: boolean;
}

export function RichTextEditor({ id, label, value, onChange, resetKey, invalid, describedBy, dir, lang, disabled }: RichTextEditorProps) {
  const t = useTranslations("sellerProducts.editor");
  const labelId = useId();
  const editorRef = useRef<HTMLDivElement>(null);
  const savedRange = useRef<Range | null>(null);
  const [active, setActive] = useState<Partial<Record<Command, boolean>>>({});
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState("https://");
  const [linkError, setLinkError] = useState(false);

  // Load the HTML when the editor mounts or the caller resets it; typing never re-renders it.
  useEffect(() => {
    if (editorRef.current) editorRef.current.innerHTML = value;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on reset, not on each keystroke
  }, [resetKey]);

  function emit() {
    onChange(editorRef.current ? cleanHtml(editorRef.current) : "");
  }

  // New lines become <p> (the server's allowlist has no <div>), and so does the first line.
  function onFocus() {
    document.execCommand("defaultParagraphSeparator", false, "p");
    const editor = editorRef.current;
    if (editor && !editor.textContent?.trim() && !editor.querySelector("ul,ol,h2,h3,p")) {
      editor.innerHTML = "<p><br></p>";
      const range = document.createRange();
      range.setStart(editor.firstChild!, 0);
      range.collapse(true);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    refreshState();
  }

  function refreshState() {
    if (typeof document === "undefined") return;
    const block = String(document.queryCommandValue("formatBlock")).toLowerCase();
    setActive({
      bold: document.queryCommandState("bold"),
      italic: document.queryCommandState("italic"),
      insertUnorderedList: document.queryCommandState("insertUnorderedList"),
      insertOrderedList: document.queryCommandState("insertOrderedList"),
      heading: block === "h3" || block === "h2",
    });
  }

  function run(command: Command) {
    const editor = editorRef.current;
    if (!editor) return;
    editor.focus();
    if (command === "link") {
      const selection = window.getSelection();
      savedRange.current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
      setUrl("https://");
      setLinkError(false);
      setLinking(true);
      return;
    }
    if (command === "heading") document.execCommand("formatBlock", false, active.heading ? "p" : "h3");
    else document.execCommand(command);
    emit();
    refreshState();
  }

  function applyLink() {
    const href = url.trim();
    if (!/^(https?:\/\/[^\s]+\.[^\s]+|mailto:[^\s@]+@[^\s@]+)$/i.test(href)) {
      setLinkError(true);
      return;
    }
    const editor = editorRef.current!;
    editor.focus();
    const selection = window.getSelection();
    if (savedRange.current && selection) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    if (selection && selection.isCollapsed) document.execCommand("insertText", false, href);
    if (selection && !selection.isCollapsed) document.execCommand("createLink", false, href);
    setLinking(false);
    emit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
      event.preventDefault();
      run("link");
    }
  }

  // Toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar pattern).
  function onToolbarKey(event: KeyboardEvent<HTMLDivElement>) {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(event.key)) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const rtl = getComputedStyle(event.currentTarget).direction === "rtl";
    const step = (event.key === "ArrowRight") !== rtl ? 1 : -1;
    const next = event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : (index + step + buttons.length) % buttons.length;
    event.preventDefault();
    buttons[next]?.focus();
  }

  const commands: Command[] = ["bold", "italic", "heading", "insertUnorderedList", "insertOrderedList", "link"];
  return (
    <div>
      <p id={labelId} className="mb-1.5 text-sm font-medium text-neutral-900">
        {label}
      </p>
      <div
        className={cn(
          "rounded-lg border bg-white shadow-xs focus-within:outline-2 focus-within:outline-brand-600",
          invalid ? "border-danger-600" : "border-neutral-400",
        )}
      >
        <div role="toolbar" aria-label={t("toolbar")} aria-controls={id} onKeyDown={onToolbarKey} className="flex flex-wrap gap-0.5 border-b border-neutral-200 p-1">
          {commands.map((command, i) => (
            <button
              key={command}
              type="button"
              tabIndex={i === 0 ? 0 : -1}
              aria-pressed={command === "link" ? undefined : Boolean(active[command])}
              title={t(command)}
              aria-label={t(command)}
              disabled={disabled}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(command)}
              className={cn(
                "inline-flex size-9 items-center justify-center rounded-md text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-brand-600",
                active[command] && "bg-brand-100 text-brand-800",
              )}
            >
              <svg className="size-4" viewBox="0 0 22 22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
                <path d={ICONS[command]} />
              </svg>
            </button>
          ))}
        </div>
        {linking ? (
          <div className="flex flex-wrap items-end gap-2 border-b border-neutral-200 bg-neutral-50 p-2">
            <div className="min-w-48 flex-1">
              <label htmlFor={`${id}-link`} className="mb-1 block text-xs font-medium">
                {t("linkUrl")}
              </label>
              <Input
                id={`${id}-link`}
                type="url"
                dir="ltr"
                value={url}
                autoFocus
                aria-invalid={linkError || undefined}
                aria-describedby={linkError ? `${id}-link-error` : undefined}
                onChange={(e) => setUrl(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    applyLink();
                  } else if (e.key === "Escape") {
                    e.preventDefault();
                    setLinking(false);
                    editorRef.current?.focus();
                  }
                }}
              />
              {linkError ? (
                <p id={`${id}-link-error`} className="mt-1 text-xs font-medium text-danger-700">
                  {t("linkInvalid")}
                </p>
              ) : null}
            </div>
            <Button size="sm" onClick={applyLink}>
              {t("linkApply")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setLinking(false)}>
              {t("linkCancel")}
            </Button>
          </div>
        ) : null}
        <div
          ref={editorRef}
          id={id}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          contentEditable={!disabled}
          aria-disabled={disabled || undefined}
          suppressContentEditableWarning
          dir={dir ?? "auto"}
          lang={lang}
          onInput={emit}
          onBlur={emit}
          onKeyUp={refreshState}
          onMouseUp={refreshState}
          onFocus={onFocus}
          onKeyDown={onKeyDown}
          className={cn(
            "prose-description min-h-40 px-3 py-2 text-sm outline-none",
            "[&_a]:text-brand-700 [&_a]:underline [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:text-base [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:ps-6 [&_p]:my-1 [&_ul]:list-disc [&_ul]:ps-6",
          )}
        />
      </div>
    </div>
  );
}
