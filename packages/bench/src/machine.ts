import { createRequire } from "node:module";
import { arch, cpus, release, totalmem, type } from "node:os";

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  sqlite: string;
  sequelize: string;
}

export function describeMachine(sqliteVersion: string): Machine {
  const cpuList = cpus();
  const require = createRequire(import.meta.url);
  const sequelizeVersion = (require("sequelize/package.json") as { version: string }).version;
  return {
    cpuModel: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()} ${arch()}`,
    node: process.version,
    sqlite: sqliteVersion,
    sequelize: sequelizeVersion,
  };
}

export function machineLines(machine: Machine): string[] {
  return [
    `- CPU: ${machine.cpuModel}, ${machine.cores} cores`,
    `- Memory: ${machine.memoryGiB} GiB`,
    `- OS: ${machine.os}`,
    `- Node ${machine.node}, SQLite ${machine.sqlite}, Sequelize ${machine.sequelize}`,
  ];
}
