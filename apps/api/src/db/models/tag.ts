import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from "sequelize";

export interface TagModel extends Model<InferAttributes<TagModel>, InferCreationAttributes<TagModel>> {
  id: CreationOptional<number>;
  name: string;
}

export interface ContactTagModel
  extends Model<InferAttributes<ContactTagModel>, InferCreationAttributes<ContactTagModel>> {
  contactId: number;
  tagId: number;
}

export function defineTag(sequelize: Sequelize) {
  return sequelize.define<TagModel>(
    "Tag",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    },
    { tableName: "tags", timestamps: false },
  );
}

export function defineContactTag(sequelize: Sequelize) {
  return sequelize.define<ContactTagModel>(
    "ContactTag",
    {
      contactId: { type: DataTypes.INTEGER, primaryKey: true },
      tagId: { type: DataTypes.INTEGER, primaryKey: true },
    },
    { tableName: "contact_tags", timestamps: false },
  );
}
