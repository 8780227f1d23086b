import type { Principal, Resource, Value } from "@cerbos/core";
import type { FlagModels } from "./models.ts";

export const members = [
  { id: "alice", department: "Sales" },
  { id: "bob", department: "Legal" },
  { id: "carol", department: "Sales" },
  { id: "mallory", department: "Legal" },
] as const;

export const tags = [
  { id: 1, name: "public" },
  { id: 2, name: "shareable" },
  { id: 3, name: "internal" },
] as const;

const member = (id: string, roles: string[], organizationIds: number[]): Principal => ({
  id,
  roles,
  attr: {
    department: members.find((m) => m.id === id)?.department ?? "IT",
    organizationIds,
    blockedReviewers: [],
  },
});

/** Who the suite plans and checks for. */
export const principals = {
  alice: member("alice", ["user"], [1]),
  bob: member("bob", ["user"], [1, 2]),
  mallory: member("mallory", ["user"], [2]),
  root: member("root", ["admin"], []),
} as const;

export interface DocumentRow {
  id: number;
  title: string;
  status: string;
  ownerId: string;
  organizationId: number;
  score: number | null;
  reviewer: string | null;
  tagIds: number[];
  comments: { authorId: string; kind: string }[];
}

/** The one row whose attributes break the resource schema (status outside its enum). */
export const schemaBreakingId = 1;

/** A small deterministic PRNG (mulberry32), so a failure names rows that exist on the next run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDocuments(count: number, seed = 12): DocumentRow[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const owners = members.map((m) => m.id);
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    return {
      id,
      title: `${pick(["Alpha", "beta", "Atlas", "gamma"])} ${id}`,
      status: id === schemaBreakingId ? "bogus" : pick(["draft", "published", "published", "archived"]),
      ownerId: id === schemaBreakingId ? "alice" : pick(owners),
      organizationId: id === schemaBreakingId ? 1 : pick([1, 1, 2]),
      score: pick([null, null, -5, 0, 5, 50, 150]),
      reviewer: pick([null, null, "rita", "sam"]),
      tagIds: tags.map((tag) => tag.id).filter(() => next() < 0.35),
      comments: Array.from({ length: Math.floor(next() * 3) }, () => ({
        authorId: pick(owners),
        kind: pick(["editor", "reader"]),
      })),
    };
  });
}

export async function insertDocuments(models: FlagModels, rows: readonly DocumentRow[]): Promise<void> {
  const { Member, Document, Tag, DocumentTag, Comment } = models;
  await models.Document.sequelize!.sync({ force: true });
  await Member.bulkCreate(members.map((m) => ({ ...m })));
  await Tag.bulkCreate(tags.map((t) => ({ ...t })));
  await Document.bulkCreate(rows.map(({ tagIds: _tags, comments: _comments, ...document }) => document));
  await DocumentTag.bulkCreate(rows.flatMap((row) => row.tagIds.map((tagId) => ({ documentId: row.id, tagId }))));
  await Comment.bulkCreate(rows.flatMap((row) => row.comments.map((comment) => ({ documentId: row.id, ...comment }))));
}

/**
 * The resource Cerbos would be sent by an app that builds it by hand from the row (independent
 * of the mapper and toCerbosResource): score NULL sent as null, reviewer NULL left out.
 */
export function oracleResource(row: DocumentRow): Resource {
  const attr: Record<string, Value> = {
    title: row.title,
    status: row.status,
    ownerId: row.ownerId,
    organizationId: row.organizationId,
    score: row.score,
    owner: { department: members.find((m) => m.id === row.ownerId)!.department },
    tags: row.tagIds.map((tagId) => tags.find((tag) => tag.id === tagId)!.name),
    comments: row.comments.map((comment) => ({ ...comment })),
  };
  if (row.reviewer !== null) attr.reviewer = row.reviewer;
  return { kind: "document", id: String(row.id), attr };
}
