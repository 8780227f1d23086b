import * as Toast from "@radix-ui/react-toast";
import { cx } from "../../lib/cx.ts";
import { dismissToast, type ToastTone, useToasts } from "../../lib/toast-store.ts";

const tones: Record<ToastTone, string> = {
  success: "border-green-300 bg-white",
  error: "border-red-300 bg-red-50",
  info: "border-slate-300 bg-white",
};
const icons: Record<ToastTone, string> = { success: "✓", error: "!", info: "i" };
const iconTones: Record<ToastTone, string> = {
  success: "bg-green-700",
  error: "bg-red-700",
  info: "bg-slate-700",
};

/** The toasts of `toast()`, bottom right (bottom, full width, on phones); they pause while hovered. */
export function Toaster() {
  const toasts = useToasts();
  return (
    <Toast.Provider swipeDirection="right" duration={6000} label="Notifications">
      {toasts.map((item) => (
        <Toast.Root
          key={item.id}
          type={item.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => open || dismissToast(item.id)}
          data-testid="toast"
          className={cx("flex items-start gap-3 rounded-lg border p-3 pr-2 shadow-lg", tones[item.tone])}
        >
          <span
            aria-hidden="true"
            className={cx(
              "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white",
              iconTones[item.tone],
            )}
          >
            {icons[item.tone]}
          </span>
          <div className="min-w-0 flex-1">
            <Toast.Title className="font-semibold">{item.title}</Toast.Title>
            {item.description && (
              <Toast.Description className="text-sm text-slate-700">{item.description}</Toast.Description>
            )}
          </div>
          <Toast.Close
            aria-label="Dismiss notification"
            className="rounded px-2 text-lg leading-none text-slate-700 hover:bg-slate-100"
          >
            ×
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="fixed right-0 bottom-0 z-50 m-0 flex w-full list-none flex-col gap-2 p-4 sm:w-96" />
    </Toast.Provider>
  );
}
