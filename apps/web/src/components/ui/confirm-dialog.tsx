import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { type ReactElement, type ReactNode, useRef, useState } from "react";
import { restoreFocus } from "../../lib/focus.ts";
import { ErrorMessage } from "../ErrorMessage.tsx";
import { Button } from "./button.tsx";

interface Props {
  /** The button that opens the dialog (rendered as is). */
  trigger: ReactElement;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  /** Runs the action; the dialog closes when it resolves and shows the error when it rejects. */
  onConfirm: () => Promise<unknown>;
}

/** "Are you sure?" before an action that cannot be undone; the action's error stays in the dialog. */
export function ConfirmDialog({ trigger, title, description, confirmLabel, tone = "danger", onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const opener = useRef<Element | null>(null);

  const change = (next: boolean) => {
    if (pending) return;
    if (next) {
      opener.current = document.activeElement;
      setError(null);
    }
    setOpen(next);
  };
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <AlertDialog.Root open={open} onOpenChange={change}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <AlertDialog.Content
          className="fixed top-1/2 left-1/2 z-50 flex w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col gap-3 rounded-xl bg-white p-5 shadow-xl"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            restoreFocus(opener.current);
          }}
        >
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="text-slate-700">{description}</div>
          </AlertDialog.Description>
          {error !== null && <ErrorMessage error={error} />}
          <div className="mt-2 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel asChild>
              <Button disabled={pending}>Cancel</Button>
            </AlertDialog.Cancel>
            <Button variant={tone === "danger" ? "danger" : "primary"} disabled={pending} onClick={confirm}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
