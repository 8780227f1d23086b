import { useSyncExternalStore } from "react";

/** The signed-in user as auth.login / auth.me return it (only the fields the UI shows). */
export interface SessionUser {
  id: string | number;
  username: string;
  name: string;
  role?: string;
  department?: string | null;
  isBanned?: boolean;
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
  sessionStorage.removeItem(NOTICE_KEY);
  sessionStorage.setItem(KEY, JSON.stringify(session));
  emit();
}

/** Why the user is on the sign-in page again, shown there once (not for a sign-out they chose). */
export interface SignOutNotice {
  title: string;
  detail: string;
}

const NOTICE_KEY = "contacts.signOutNotice";

export function clearSession(notice?: SignOutNotice): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ORG_KEY);
  if (notice) sessionStorage.setItem(NOTICE_KEY, JSON.stringify(notice));
  else sessionStorage.removeItem(NOTICE_KEY);
  emit();
}

/**
 * The notice of the last automatic sign-out. Reading does not drop it: a render React throws
 * away (a lazy page suspending) would lose it; the sign-in page drops it once it is on screen
 * (`dropSignOutNotice` in an effect), so reloading the sign-in page does not show it again.
 */
export function peekSignOutNotice(): SignOutNotice | null {
  const raw = sessionStorage.getItem(NOTICE_KEY);
  try {
    return raw ? (JSON.parse(raw) as SignOutNotice) : null;
  } catch {
    return null;
  }
}

export function dropSignOutNotice(): void {
  sessionStorage.removeItem(NOTICE_KEY);
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
