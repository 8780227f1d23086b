import { type RawOutcome, rawCall } from "./raw-trpc.ts";

/** The contact procedures as the scenarios drive them (raw HTTP, so every outcome is visible). */

export interface ListedContact {
  id: number;
  firstName: string;
  lastName: string;
  organizationId: number;
  ownerId: string;
}

export interface ContactPageData {
  items: ListedContact[];
  total: number;
  nextCursor: string | null;
}

export interface ContactFields {
  organizationId?: number;
  firstName?: string;
  lastName?: string;
  companyId?: number | null;
  isActive?: boolean;
  marketingOptIn?: boolean;
  tags?: string[];
  ownerId?: string;
}

export function contactsApi(baseUrl: string) {
  const call = (procedure: string, kind: "query" | "mutation", token: string, input: unknown, signal?: AbortSignal) =>
    rawCall({ baseUrl, procedure, kind, token, input, ...(signal ? { signal } : {}) });
  return {
    list: (token: string, input: Record<string, unknown> = {}, signal?: AbortSignal) =>
      call("contacts.list", "query", token, input, signal),
    get: (token: string, id: number) => call("contacts.get", "query", token, { id }),
    create: (token: string, fields: ContactFields & { organizationId: number; firstName: string; lastName: string }) =>
      call("contacts.create", "mutation", token, fields),
    update: (token: string, id: number, fields: ContactFields) =>
      call("contacts.update", "mutation", token, { id, ...fields }),
    remove: (token: string, id: number) => call("contacts.delete", "mutation", token, { id }),
  };
}

export type ContactsApi = ReturnType<typeof contactsApi>;

export function pageOf(outcome: RawOutcome): ContactPageData {
  const data = outcome.data as Partial<ContactPageData> | undefined;
  if (!data || !Array.isArray(data.items)) throw new Error(`not a contact page: ${JSON.stringify(outcome.body)}`);
  return { items: data.items, total: Number(data.total), nextCursor: data.nextCursor ?? null };
}

export function idOf(outcome: RawOutcome): number {
  const data = outcome.data as { id?: unknown } | undefined;
  if (typeof data?.id !== "number") throw new Error(`no id in ${JSON.stringify(outcome.body)}`);
  return data.id;
}

/** Every contact the user can list, following cursors page by page. */
export async function listAll(
  api: ContactsApi,
  token: string,
  input: Record<string, unknown> = {},
): Promise<ListedContact[]> {
  const all: ListedContact[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const outcome = await api.list(token, { ...input, limit: 50, ...(cursor ? { cursor } : {}) });
    if (outcome.code) throw new Error(`list failed with ${outcome.code}: ${JSON.stringify(outcome.body)}`);
    const data = pageOf(outcome);
    all.push(...data.items);
    cursor = data.nextCursor;
    if (!cursor) return all;
  }
  throw new Error("more than 1000 pages: the cursor does not advance");
}
