"use client";
// Image uploads to /api/uploads: choose files or drop them, a progress bar per file, translated
// errors (checked here first for type and size, then by the server), announced to screen readers.
import { useTranslations } from "next-intl";
import { useCallback, useId, useRef, useState, type DragEvent } from "react";
import { Button, cn } from "@/components/ui";
import { useErrorMessages } from "@/lib/trpc/errors";

export interface UploadedAsset {
  id: string;
  src: string;
  width: number;
  height: number;
  placeholder: string;
}

export interface ImageUploaderProps {
  purpose: "product" | "shop" | "platform";
  vendorId?: string;
  multiple?: boolean;
  onUploaded: (asset: UploadedAsset) => void;
  /** Must match the server's MEDIA_MAX_BYTES (default 10 MB); the server checks again. */
  maxBytes?: number;
  className?: string;
}

const ACCEPT = ["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"];
const EXTENSIONS = /\.(jpe?g|png|webp|avif|gif)$/i;
const MB = 1024 * 1024;
const MIN_SIDE = 64;

interface Item {
  key: string;
  name: string;
  percent: number;
  status: "uploading" | "done" | "error";
  error?: string;
}

export function ImageUploader({ purpose, vendorId, multiple = false, onUploaded, maxBytes = 10 * MB, className }: ImageUploaderProps) {
  const t = useTranslations("media");
  const { translate } = useErrorMessages();
  const inputRef = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const maxMb = Math.floor((maxBytes / MB) * 10) / 10;

  const update = useCallback((key: string, patch: Partial<Item>) => {
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));
  }, []);

  const fail = useCallback(
    (key: string, name: string, reason: string) => {
      update(key, { status: "error", error: reason });
      setAnnouncement(t("failed", { name, reason }));
    },
    [t, update],
  );

  const upload = useCallback(
    (file: File) => {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      setItems((all) => [...all, { key, name: file.name, percent: 0, status: "uploading" }]);
      if (!ACCEPT.includes(file.type) && !EXTENSIONS.test(file.name)) {
        return fail(key, file.name, translate("media.unsupportedType"));
      }
      if (file.size > maxBytes) return fail(key, file.name, translate("media.tooLarge", { max: maxMb }));

      setAnnouncement(t("progress", { name: file.name }));
      const body = new FormData();
      body.set("file", file);
      body.set("purpose", purpose);
      if (vendorId) body.set("vendorId", vendorId);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/uploads");
      xhr.responseType = "json";
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) update(key, { percent: Math.min(99, Math.round((event.loaded / event.total) * 100)) });
      };
      xhr.onload = () => {
        const response = xhr.response as (UploadedAsset & { messageKey?: string; params?: Record<string, string | number> }) | null;
        if (xhr.status === 201 && response) {
          update(key, { status: "done", percent: 100 });
          setAnnouncement(t("uploaded", { name: file.name }));
          onUploaded({ id: response.id, src: response.src, width: response.width, height: response.height, placeholder: response.placeholder });
        } else if (!response?.messageKey && xhr.status === 413) {
          fail(key, file.name, translate("media.tooLarge", { max: maxMb })); // refused by a proxy in front
        } else {
          fail(key, file.name, translate(response?.messageKey, response?.params));
        }
      };
      xhr.onerror = () => fail(key, file.name, translate("network"));
      xhr.send(body);
    },
    [fail, maxBytes, maxMb, onUploaded, purpose, t, translate, update, vendorId],
  );

  const take = useCallback(
    (files: FileList | null) => {
      if (!files) return;
      const list = Array.from(files);
      for (const file of multiple ? list : list.slice(0, 1)) upload(file);
    },
    [multiple, upload],
  );

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    <div className={cn("flex flex-col gap-3", className)}>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={cn(
          "flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-6 text-center",
          dragging ? "border-brand-600 bg-brand-50" : "border-neutral-300 bg-neutral-50",
        )}
      >
        <p className="text-sm text-neutral-700">{multiple ? t("dropZone") : t("dropZoneSingle")}</p>
        <Button variant="secondary" aria-describedby={hintId} onClick={() => inputRef.current?.click()}>
          {multiple ? t("choose") : t("chooseSingle")}
        </Button>
        <p id={hintId} className="text-xs text-neutral-600">
          {t("hint", { max: maxMb, min: MIN_SIDE })}
        </p>
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPT.join(",")}
          multiple={multiple}
          tabIndex={-1}
          aria-hidden="true"
          className="sr-only"
          onChange={(event) => {
            take(event.currentTarget.files);
            event.currentTarget.value = "";
          }}
        />
      </div>

      {items.length > 0 ? (
        <ul aria-label={t("queue")} className="flex flex-col gap-2">
          {items.map((item) => (
            <li key={item.key} className="rounded-lg border border-neutral-200 bg-white px-3 py-2 text-sm">
              <div className="flex items-center justify-between gap-3">
                <span className="min-w-0 truncate font-medium text-neutral-900">{item.name}</span>
                {item.status !== "uploading" ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={t("dismiss", { name: item.name })}
                    onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))}
                  >
                    <span aria-hidden="true">×</span>
                  </Button>
                ) : null}
              </div>
              {item.status === "error" ? (
                <p className="mt-1 text-danger-700">{item.error}</p>
              ) : (
                <div
                  role="progressbar"
                  aria-label={t("progress", { name: item.name })}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={item.percent}
                  aria-valuetext={item.status === "done" ? t("uploaded", { name: item.name }) : t("uploading", { name: item.name, percent: item.percent })}
                  className="mt-2 flex h-2 overflow-hidden rounded-full bg-neutral-200"
                >
                  <div
                    className={cn("h-full transition-[width] duration-150", item.status === "done" ? "bg-success-600" : "bg-brand-600")}
                    style={{ width: `${item.percent}%` }}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
