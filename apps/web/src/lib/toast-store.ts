import { useSyncExternalStore } from "react";

export type ToastTone = "success" | "error" | "info";

export interface ToastItem {
  id: number;
  title: string;
  description?: string;
  tone: ToastTone;
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Shows a short message in the corner ("Saved Nick Smyth"); screen readers announce it. */
export function toast(item: Omit<ToastItem, "id" | "tone"> & { tone?: ToastTone }): void {
  const next: ToastItem = { tone: "success", ...item, id: nextId++ };
  items = [...items, next].slice(-4);
  emit();
}

export function dismissToast(id: number): void {
  items = items.filter((item) => item.id !== id);
  emit();
}

export function useToasts(): ToastItem[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => items,
  );
}
