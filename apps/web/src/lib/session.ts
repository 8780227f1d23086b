import { useSyncExternalStore } from "react";

/** The signed-in user as auth.login / auth.me return it (only the fields the UI shows). */
export interface SessionUser {
  id: string | number;
  username: string;
  name: string;
  role?: string;
  department?: string | null;
}

export interface Session {
  token: string;
  user: SessionUser;
}

// sessionStorage: the session lives for this tab only and ends when the tab closes.
const KEY = "contacts.session";
const listeners = new Set<() => void>();
let cachedRaw: string | null = null;
let cached: Session | null = null;

function read(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw === cachedRaw) return cached;
  cachedRaw = raw;
  try {
    cached = raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    cached = null;
  }
  return cached;
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return read()?.token ?? null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  emit();
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ORG_KEY);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, read);
}

const ORG_KEY = "contacts.organizationId";

export function getSelectedOrganizationId(): number | null {
  const raw = sessionStorage.getItem(ORG_KEY);
  return raw ? Number(raw) : null;
}

export function selectOrganization(id: number): void {
  sessionStorage.setItem(ORG_KEY, String(id));
  emit();
}

function readOrg(): string | null {
  return sessionStorage.getItem(ORG_KEY);
}

/** The organization the user picked in the switcher, if any (validated against their list by the caller). */
export function useSelectedOrganizationId(): number | null {
  const raw = useSyncExternalStore(subscribe, readOrg);
  return raw ? Number(raw) : null;
}
