// Users, sessions and API tokens: passwords hashed (never stored as given) and verified,
// tokens stored only as hashes, sessions expire.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApiToken,
  createOrganisation,
  createSession,
  createUser,
  deleteSession,
  findApiToken,
  findSession,
  findUserByEmail,
  listAuditEntries,
  verifyPassword,
} from "../../src/db/index.ts";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./test-database.ts";

describe.each(BACKENDS)("users on %s", (kind) => {
  let test: TestDatabase;
  let org: string;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    org = (await createOrganisation(test.db, { name: "Westhoek" }, { name: "setup" })).id;
    await createUser(test.db, { organisationId: org, email: "An@Westhoek.be", name: "An", password: "geheim wachtwoord", role: "planner" }, { name: "setup" });
  });
  afterAll(async () => test.drop());

  it("when a user is created, then the password is stored hashed and the audit entry has no hash", async () => {
    const rows = await test.db.prisma.user.findMany({ select: { passwordHash: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(rows[0]?.passwordHash).not.toContain("geheim");
    const [entry] = await listAuditEntries(test.db, org, { entity: "user" });
    expect(JSON.stringify(entry)).not.toContain("scrypt");
    expect(await findUserByEmail(test.db, "an@westhoek.be")).toMatchObject({ name: "An", role: "planner", organisation: { id: org, name: "Westhoek" } });
  });

  it("when the password is right, then the user; wrong or unknown e-mail, then null", async () => {
    expect(await verifyPassword(test.db, "an@westhoek.be", "geheim wachtwoord")).toMatchObject({ email: "an@westhoek.be" });
    expect(await verifyPassword(test.db, "an@westhoek.be", "geheim wachtwoorD")).toBeNull();
    expect(await verifyPassword(test.db, "niemand@westhoek.be", "geheim wachtwoord")).toBeNull();
  });

  it("when the e-mail is taken, then CONFLICT", async () => {
    await expect(
      createUser(test.db, { organisationId: org, email: "an@westhoek.be", name: "An 2", password: "x", role: "viewer" }, { name: "setup" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("when a session is created, then its token finds the user until it is deleted or expires; only the hash is stored", async () => {
    const user = await findUserByEmail(test.db, "an@westhoek.be");
    if (!user) throw new Error("setup");
    const session = await createSession(test.db, user.id);
    expect((await findSession(test.db, session.token))?.user.id).toBe(user.id);
    const stored = await test.db.prisma.session.findMany({ select: { tokenHash: true } });
    expect(stored.map((row) => row.tokenHash)).not.toContain(session.token);
    await deleteSession(test.db, session.token);
    expect(await findSession(test.db, session.token)).toBeNull();
    const expired = await createSession(test.db, user.id, -1000);
    expect(await findSession(test.db, expired.token)).toBeNull();
    expect(await findSession(test.db, "made-up")).toBeNull();
  });

  it("when a user signs in again, then their expired sessions are deleted and the others kept", async () => {
    const user = await findUserByEmail(test.db, "an@westhoek.be");
    if (!user) throw new Error("setup");
    const expired = await createSession(test.db, user.id, -1000);
    const current = await createSession(test.db, user.id);
    const countOf = (where: { expiresAt: { lte: Date } | { gt: Date } }) => test.db.prisma.session.count({ where: { userId: user.id, ...where } });
    expect(await countOf({ expiresAt: { lte: new Date() } })).toBe(0);
    expect(await findSession(test.db, expired.token)).toBeNull();
    const again = await createSession(test.db, user.id);
    expect((await findSession(test.db, current.token))?.user.id).toBe(user.id);
    expect((await findSession(test.db, again.token))?.user.id).toBe(user.id);
    expect(await countOf({ expiresAt: { gt: new Date() } })).toBeGreaterThanOrEqual(2);
  });

  it("when an API token is created, then it finds the user", async () => {
    const user = await findUserByEmail(test.db, "an@westhoek.be");
    if (!user) throw new Error("setup");
    const { token } = await createApiToken(test.db, user.id, "script", { name: "an@westhoek.be", userId: user.id });
    expect((await findApiToken(test.db, token))?.email).toBe("an@westhoek.be");
    expect(await findApiToken(test.db, `${token}x`)).toBeNull();
  });
});
