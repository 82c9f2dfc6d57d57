"use client";
// A list row's Edit and Delete buttons. The visible words are short ("Edit"); an aria-label or
// aria-describedby names the row, so a screen reader hears which one.
import { Button, cn } from "@/components/ui";

export function EditDeleteButtons({ onEdit, onDelete, editText, deleteText, editLabel, deleteLabel, describedBy, className }: {
  onEdit: () => void;
  onDelete: () => void;
  editText: string;
  deleteText: string;
  /** Full accessible names ("Edit Express shipping"), or use describedBy. */
  editLabel?: string;
  deleteLabel?: string;
  /** The id of the element naming the row. */
  describedBy?: string;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-wrap justify-end gap-1", className)}>
      <Button size="sm" variant="ghost" onClick={onEdit} aria-label={editLabel} aria-describedby={describedBy}>{editText}</Button>
      <Button size="sm" variant="ghost" className="text-danger-700 hover:bg-danger-50" onClick={onDelete} aria-label={deleteLabel} aria-describedby={describedBy}>
        {deleteText}
      </Button>
    </div>
  );
}
