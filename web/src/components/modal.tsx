/**
 * A native modal <dialog>: focus starts in the first field and stays inside, Esc closes it
 * (the browser's own "cancel"), and focus goes back to where it was when it closes.
 */
import { useEffect, useRef } from "react";
import type { ReactNode } from "react";

export function Modal({ open, title, onClose, children, labelId }: { open: boolean; title: string; onClose: () => void; children: ReactNode; labelId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const before = document.activeElement as HTMLElement | null;
      dialog.showModal();
      // showModal would focus the first button (the ✕ in the header); the planner wants to type.
      dialog.querySelector<HTMLElement>("[data-autofocus], input:not([type=hidden]), select, textarea")?.focus();
      return () => {
        if (dialog.open) dialog.close();
        before?.focus?.();
      };
    }
    return undefined;
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <header className="dialog-head">
            <h2 id={labelId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Sluiten (Esc)" onClick={onClose}>✕</button>
          </header>
          {children}
        </>
      )}
    </dialog>
  );
}
