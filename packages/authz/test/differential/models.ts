import { DataTypes, type Model, type ModelStatic, type Sequelize } from "sequelize";

/** The differential suite's schema: one root model with every attribute kind the policy tests. */
export interface HostileModels {
  Item: ModelStatic<Model>;
  Person: ModelStatic<Model>;
  Label: ModelStatic<Model>;
  Tag: ModelStatic<Model>;
  ItemTag: ModelStatic<Model>;
  Contact: ModelStatic<Model>;
  Phone: ModelStatic<Model>;
  Skill: ModelStatic<Model>;
  Detail: ModelStatic<Model>;
  Note: ModelStatic<Model>;
}

/**
 * Several database field names differ from their attribute names (the mapper and the plan speak
 * attribute names; the SQL must use the fields, through every association hop).
 */
export function defineHostileModels(sequelize: Sequelize): HostileModels {
  const common = { timestamps: false, underscored: false } as const;
  // MariaDB: DATE is a DATETIME without fractions unless given a precision; a DOUBLE cannot hold
  // NaN or ±Infinity (they are stored as NULL, which is how Cerbos sees them anyway); and the
  // tables keep the server's case-insensitive collation, under which "vip" and "VIP" collide in
  // a unique index (the suite proves the filters exact there, it does not change the schema).
  const mariadb = sequelize.getDialect() === "mariadb";
  const Person = sequelize.define(
    "Person",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      name: { type: DataTypes.TEXT, allowNull: false },
      department: { type: DataTypes.TEXT, allowNull: true, field: "dept" },
      managerId: { type: DataTypes.INTEGER, allowNull: true, field: "manager_person_id" },
    },
    { ...common, tableName: "hostile_people" },
  );
  const Item = sequelize.define(
    "Item",
    {
      id: { type: DataTypes.STRING(16), primaryKey: true },
      name: { type: DataTypes.TEXT, allowNull: false },
      nickname: { type: DataTypes.TEXT, allowNull: true },
      amount: { type: DataTypes.INTEGER, allowNull: false },
      score: { type: DataTypes.INTEGER, allowNull: true },
      active: { type: DataTypes.BOOLEAN, allowNull: false },
      flagged: { type: DataTypes.BOOLEAN, allowNull: true },
      createdAt: { type: mariadb ? DataTypes.DATE(3) : DataTypes.DATE, allowNull: false },
      ratio: { type: DataTypes.DOUBLE, allowNull: true },
      weight: { type: DataTypes.DOUBLE, allowNull: mariadb, field: "weight_value" },
      path: { type: DataTypes.TEXT, allowNull: true, field: "tree_path" },
      ownerId: { type: DataTypes.INTEGER, allowNull: true, field: "owner_person_id" },
    },
    { ...common, tableName: "hostile_items" },
  );
  const Label = sequelize.define(
    "Label",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      itemId: { type: DataTypes.STRING(16), allowNull: false, field: "item_ref" },
      name: { type: DataTypes.TEXT, allowNull: true, field: "label_text" },
    },
    { ...common, tableName: "hostile_labels" },
  );
  const Tag = sequelize.define(
    "Tag",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      name: { type: DataTypes.TEXT, allowNull: false, unique: !mariadb, field: "tag_name" },
    },
    { ...common, tableName: "hostile_tags" },
  );
  const ItemTag = sequelize.define(
    "ItemTag",
    {
      itemId: { type: DataTypes.STRING(16), primaryKey: true, field: "item_id" },
      tagId: { type: DataTypes.INTEGER, primaryKey: true, field: "tag_id" },
    },
    { ...common, tableName: "hostile_item_tags" },
  );
  const Contact = sequelize.define(
    "Contact",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      itemId: { type: DataTypes.STRING(16), allowNull: false, field: "item_ref" },
      email: { type: DataTypes.TEXT, allowNull: true, field: "email_address" },
      primary: { type: DataTypes.BOOLEAN, allowNull: false },
      personId: { type: DataTypes.INTEGER, allowNull: true, field: "person_ref" },
    },
    { ...common, tableName: "hostile_contacts" },
  );

  const Phone = sequelize.define(
    "Phone",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      contactId: { type: DataTypes.INTEGER, allowNull: false, field: "contact_ref" },
      number: { type: DataTypes.TEXT, allowNull: true, field: "phone_number" },
    },
    { ...common, tableName: "hostile_phones" },
  );

  const Skill = sequelize.define(
    "Skill",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      personId: { type: DataTypes.INTEGER, allowNull: false, field: "person_ref" },
      name: { type: DataTypes.TEXT, allowNull: true, field: "skill_name" },
    },
    { ...common, tableName: "hostile_skills" },
  );
  const Detail = sequelize.define(
    "Detail",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      itemId: { type: DataTypes.STRING(16), allowNull: false, field: "item_ref" },
      title: { type: DataTypes.TEXT, allowNull: false, field: "detail_title" },
      rank: { type: DataTypes.INTEGER, allowNull: true },
      archived: { type: DataTypes.BOOLEAN, allowNull: true },
    },
    { ...common, tableName: "hostile_details" },
  );
  const Note = sequelize.define(
    "Note",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      detailId: { type: DataTypes.INTEGER, allowNull: false, field: "detail_ref" },
      body: { type: DataTypes.TEXT, allowNull: true, field: "note_body" },
    },
    { ...common, tableName: "hostile_notes" },
  );

  // No constraint on owner: a dangling key (no person row) is an absent owner, like a NULL key.
  Item.belongsTo(Person, { as: "owner", foreignKey: "ownerId", constraints: false });
  Item.hasOne(Detail, { as: "detail", foreignKey: "itemId" });
  Detail.hasMany(Note, { as: "notes", foreignKey: "detailId" });
  Person.hasMany(Skill, { as: "skills", foreignKey: "personId" });
  Contact.hasMany(Phone, { as: "phones", foreignKey: "contactId" });
  Person.belongsTo(Person, { as: "manager", foreignKey: "managerId", constraints: false });
  Contact.belongsTo(Person, { as: "person", foreignKey: "personId" });
  Item.hasMany(Label, { as: "labels", foreignKey: "itemId" });
  Item.belongsToMany(Tag, { as: "tags", through: ItemTag, foreignKey: "itemId", otherKey: "tagId" });
  Item.hasMany(Contact, { as: "contacts", foreignKey: "itemId" });
  return { Item, Person, Label, Tag, ItemTag, Contact, Phone, Skill, Detail, Note };
}
