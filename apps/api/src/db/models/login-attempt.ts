import { DataTypes, type InferAttributes, type InferCreationAttributes, type Model, type Sequelize } from "sequelize";

/** Failed-login counters, kept in the database so the limit holds across API replicas. */
export interface LoginAttemptModel
  extends Model<InferAttributes<LoginAttemptModel>, InferCreationAttributes<LoginAttemptModel>> {
  /** Lower-cased username. */
  key: string;
  failures: number;
  windowStartedAt: Date;
}

export function defineLoginAttempt(sequelize: Sequelize) {
  return sequelize.define<LoginAttemptModel>(
    "LoginAttempt",
    {
      key: { type: DataTypes.STRING(128), primaryKey: true },
      failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      windowStartedAt: { type: DataTypes.DATE, allowNull: false },
    },
    { tableName: "login_attempts", timestamps: false },
  );
}
