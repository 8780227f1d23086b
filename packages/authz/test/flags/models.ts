import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  Model,
  type Sequelize,
} from "sequelize";
import type { Mapper } from "../../src/index.ts";

export class Member extends Model<InferAttributes<Member>, InferCreationAttributes<Member>> {
  declare id: string;
  declare department: string;
}

export class Document extends Model<InferAttributes<Document>, InferCreationAttributes<Document>> {
  declare id: CreationOptional<number>;
  declare title: string;
  declare status: string;
  declare ownerId: string;
  declare organizationId: number;
  declare score: number | null;
  declare reviewer: string | null;
}

export class Tag extends Model<InferAttributes<Tag>, InferCreationAttributes<Tag>> {
  declare id: number;
  declare name: string;
}

export class DocumentTag extends Model<InferAttributes<DocumentTag>, InferCreationAttributes<DocumentTag>> {
  declare documentId: number;
  declare tagId: number;
}

export class Comment extends Model<InferAttributes<Comment>, InferCreationAttributes<Comment>> {
  declare id: CreationOptional<number>;
  declare documentId: number;
  declare authorId: string;
  declare kind: string;
}

export interface FlagModels {
  Member: typeof Member;
  Document: typeof Document;
  Tag: typeof Tag;
  DocumentTag: typeof DocumentTag;
  Comment: typeof Comment;
}

/** Model classes are per Sequelize instance (one per dialect): subclasses of the declared ones. */
export function defineFlagModels(sequelize: Sequelize): FlagModels {
  const options = { sequelize, timestamps: false, underscored: true };
  class M extends Member {}
  class D extends Document {}
  class T extends Tag {}
  class DT extends DocumentTag {}
  class C extends Comment {}
  M.init(
    { id: { type: DataTypes.STRING, primaryKey: true }, department: { type: DataTypes.STRING, allowNull: false } },
    { ...options, modelName: "Member", tableName: "members" },
  );
  D.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      title: { type: DataTypes.STRING, allowNull: false },
      status: { type: DataTypes.STRING, allowNull: false },
      ownerId: { type: DataTypes.STRING, allowNull: false },
      organizationId: { type: DataTypes.INTEGER, allowNull: false },
      score: { type: DataTypes.INTEGER, allowNull: true },
      reviewer: { type: DataTypes.STRING, allowNull: true },
    },
    { ...options, modelName: "Document", tableName: "documents" },
  );
  T.init(
    { id: { type: DataTypes.INTEGER, primaryKey: true }, name: { type: DataTypes.STRING, allowNull: false } },
    { ...options, modelName: "Tag", tableName: "tags" },
  );
  DT.init(
    {
      documentId: { type: DataTypes.INTEGER, primaryKey: true },
      tagId: { type: DataTypes.INTEGER, primaryKey: true },
    },
    { ...options, modelName: "DocumentTag", tableName: "document_tags" },
  );
  C.init(
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      documentId: { type: DataTypes.INTEGER, allowNull: false },
      authorId: { type: DataTypes.STRING, allowNull: false },
      kind: { type: DataTypes.STRING, allowNull: false },
    },
    { ...options, modelName: "Comment", tableName: "comments" },
  );
  D.belongsTo(M, { as: "owner", foreignKey: "ownerId" });
  D.belongsToMany(T, { as: "tags", through: DT, foreignKey: "documentId", otherKey: "tagId" });
  D.hasMany(C, { as: "comments", foreignKey: "documentId" });
  return { Member: M, Document: D, Tag: T, DocumentTag: DT, Comment: C };
}

export const documentMapper = {
  "request.resource.id": { column: "id" },
  "request.resource.attr.title": { column: "title" },
  "request.resource.attr.status": { column: "status" },
  "request.resource.attr.ownerId": { column: "ownerId" },
  "request.resource.attr.organizationId": { column: "organizationId" },
  "request.resource.attr.score": { column: "score" },
  "request.resource.attr.reviewer": { column: "reviewer", nullRepresentation: "omitted" },
  "request.resource.attr.owner.department": { association: "owner", column: "department" },
  "request.resource.attr.tags": { association: "tags", column: "name" },
  "request.resource.attr.comments": {
    association: "comments",
    fields: { authorId: { column: "authorId" }, kind: { column: "kind" } },
  },
} satisfies Mapper;
