/**
 * Users, sessions and API tokens. Passwords are stored as scrypt hashes with a random salt and
 * compared in constant time; session and API tokens are random 32-byte values handed out once,
 * and only their SHA-256 is stored, so a copy of the database lets no one sign in.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { inTransaction, recordAudit, type Actor } from "./audit.ts";
import { DomainError, isUniqueViolation } from "./errors.ts";
import type { Database } from "./open-database.ts";

export type Role = "admin" | "planner" | "hr" | "viewer";
export const ROLES: readonly Role[] = ["admin", "planner", "hr", "viewer"];

export interface User {
  id: string;
  organisationId: string;
  organisation: { id: string; name: string };
  email: string;
  name: string;
  role: Role;
}

const USER_SELECT = {
  id: true,
  organisationId: true,
  email: true,
  name: true,
  role: true,
  organisation: { select: { id: true, name: true } },
} as const;

function toUser(row: { id: string; organisationId: string; email: string; name: string; role: string; organisation: { id: string; name: string } }): User {
  return { ...row, role: ROLES.includes(row.role as Role) ? (row.role as Role) : "viewer" };
}

// --- passwords --------------------------------------------------------------------------------
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 64 } as const;

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// --- users ------------------------------------------------------------------------------------
export async function createUser(
  db: Database,
  input: { organisationId: string; email: string; name: string; password: string; role: Role },
  actor: Actor,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(db, async (tx) => {
      const row = await tx.user.create({
        data: { organisationId: input.organisationId, email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash },
        select: USER_SELECT,
      });
      const user = toUser(row);
      await recordAudit(tx, input.organisationId, actor, [
        { action: "create", entity: "user", entityId: user.id, after: { email: user.email, name: user.name, role: user.role } },
      ]);
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", `a user with e-mail ${input.email} already exists`);
    throw error;
  }
}

export async function findUserByEmail(db: Database, email: string): Promise<User | null> {
  const row = await db.prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: USER_SELECT });
  return row ? toUser(row) : null;
}

export async function listUsers(db: Database, organisationId: string): Promise<User[]> {
  const rows = await db.prisma.user.findMany({ where: { organisationId }, select: USER_SELECT, orderBy: { email: "asc" } });
  return rows.map(toUser);
}

/** Changes a user's name, role or password (admins); the other organisations' users do not exist here. */
export async function updateUser(
  db: Database,
  organisationId: string,
  id: string,
  changes: { name?: string; role?: Role; password?: string },
  actor: Actor,
): Promise<User> {
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return inTransaction(db, async (tx) => {
    const current = await tx.user.findFirst({ where: { id, organisationId }, select: USER_SELECT });
    if (!current) throw new DomainError("NOT_FOUND", `user ${id} does not exist`);
    const row = await tx.user.update({
      where: { id },
      data: {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
      },
      select: USER_SELECT,
    });
    // A new password or role ends the user's sessions: they sign in again with what they may do now.
    if (passwordHash !== undefined || (changes.role !== undefined && changes.role !== current.role)) {
      await tx.session.deleteMany({ where: { userId: id } });
    }
    await recordAudit(tx, organisationId, actor, [
      {
        action: "update",
        entity: "user",
        entityId: id,
        before: { name: current.name, role: current.role },
        after: { name: row.name, role: row.role, passwordChanged: passwordHash !== undefined },
      },
    ]);
    return toUser(row);
  });
}

export async function deleteUser(db: Database, organisationId: string, id: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const current = await tx.user.findFirst({ where: { id, organisationId }, select: USER_SELECT });
    if (!current) throw new DomainError("NOT_FOUND", `user ${id} does not exist`);
    await tx.user.delete({ where: { id } });
    await recordAudit(tx, organisationId, actor, [{ action: "delete", entity: "user", entityId: id, before: { email: current.email, role: current.role } }]);
  });
}

/** The user when the e-mail and password match; null otherwise (same answer for both cases). */
export async function verifyPassword(db: Database, email: string, password: string): Promise<User | null> {
  const row = await db.prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { ...USER_SELECT, passwordHash: true } });
  if (!row) {
    // Spend the same time as a real check, so timing does not tell which e-mails exist.
    await passwordMatches(password, DUMMY_HASH);
    return null;
  }
  const { passwordHash, ...user } = row;
  return (await passwordMatches(password, passwordHash)) ? toUser(user) : null;
}

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + Buffer.alloc(64).toString("base64");

// --- sessions and tokens ----------------------------------------------------------------------
function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/**
 * A new session; `token` goes to the browser (cookie) and is not stored. The user's sessions
 * that have expired are deleted at the same time: nothing else removes a session nobody signed
 * out of, so the table would otherwise grow with every sign-in.
 */
export async function createSession(
  db: Database,
  userId: string,
  lifetimeMs = SESSION_LIFETIME_MS,
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newToken();
  const now = Date.now();
  const expiresAt = new Date(now + lifetimeMs);
  await db.prisma.$transaction([
    db.prisma.session.deleteMany({ where: { userId, expiresAt: { lte: new Date(now) } } }),
    db.prisma.session.create({ data: { tokenHash, userId, expiresAt } }),
  ]);
  return { token, expiresAt };
}

/** The signed-in user of a session token, or null when unknown or expired. */
export async function findSession(db: Database, token: string): Promise<{ user: User; expiresAt: Date } | null> {
  const row = await db.prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, user: { select: USER_SELECT } },
  });
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return { user: toUser(row.user), expiresAt: row.expiresAt };
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** A new API token for `Authorization: Bearer …`; the token is shown once and not stored. */
export async function createApiToken(db: Database, userId: string, name: string, actor: Actor): Promise<{ id: string; token: string }> {
  const { token, tokenHash } = newToken();
  return inTransaction(db, async (tx) => {
    const row = await tx.apiToken.create({ data: { tokenHash, name, userId }, select: { id: true, user: { select: { organisationId: true } } } });
    await recordAudit(tx, row.user.organisationId, actor, [{ action: "create", entity: "apiToken", entityId: row.id, after: { name, userId } }]);
    return { id: row.id, token };
  });
}

export async function findApiToken(db: Database, token: string): Promise<User | null> {
  const row = await db.prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, user: { select: USER_SELECT } } });
  if (!row) return null;
  await db.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return toUser(row.user);
}

export async function deleteApiToken(db: Database, organisationId: string, id: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (tx) => {
    const deleted = await tx.apiToken.deleteMany({ where: { id, user: { organisationId } } });
    if (deleted.count === 0) throw new DomainError("NOT_FOUND", `API token ${id} does not exist`);
    await recordAudit(tx, organisationId, actor, [{ action: "delete", entity: "apiToken", entityId: id }]);
  });
}
