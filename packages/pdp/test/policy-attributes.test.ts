import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoPoliciesDir } from "../src/index.ts";
import { findUnknownAttributes } from "./policy-attributes.ts";

describe("policy attributes against the schemas", () => {
  it("every attribute the shipped policies read is declared in its kind's schema", () => {
    expect(findUnknownAttributes(repoPoliciesDir)).toEqual([]);
  });

  it("reports a misspelled resource attribute and an undeclared principal attribute", () => {
    const dir = mkdtempSync(join(tmpdir(), "policies-"));
    cpSync(repoPoliciesDir, dir, { recursive: true });
    const contactPolicy = join(dir, "contact.yaml");
    writeFileSync(
      contactPolicy,
      readFileSync(contactPolicy, "utf8")
        .replace("R.attr.isActive == true", "R.attr.isActiv == true")
        .replace('P.attr.department == "Marketing"', 'P.attr.team == "Marketing"'),
    );
    expect(findUnknownAttributes(dir)).toEqual([
      { policyFile: "contact.yaml", kind: "contact", attribute: "isActiv", schema: "contact.json" },
      { policyFile: "contact.yaml", kind: "principal", attribute: "team", schema: "principal.json" },
    ]);
  });

  it("checks the conditions of derived roles a policy uses", () => {
    const dir = mkdtempSync(join(tmpdir(), "policies-"));
    cpSync(repoPoliciesDir, dir, { recursive: true });
    const derived = join(dir, "derived_roles.yaml");
    writeFileSync(derived, readFileSync(derived, "utf8").replace("R.attr.ownerId == P.id", "R.attr.owner == P.id"));
    expect(findUnknownAttributes(dir)).toEqual([
      { policyFile: "contact.yaml", kind: "contact", attribute: "owner", schema: "contact.json" },
    ]);
  });
});
