/**
 * `npm start`: the service on PORT (default 3000) with the embedded SQLite database
 * (data/vlinder.db, or DATABASE_URL), the Westhoek demo loaded on the first start, and a line
 * that says where to sign in. Stops cleanly on Ctrl-C.
 */
import { DEMO_DATE, DEMO_USERS } from "./demo.ts";
import { startService } from "./service.ts";
import { startPartThreads } from "../../solver/index.ts";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0–65535), got ${JSON.stringify(process.env.PORT)}`);
  process.exit(2);
}
const planTimeoutMs = process.env.VLINDER_PLAN_TIMEOUT_MS ? Number(process.env.VLINDER_PLAN_TIMEOUT_MS) : undefined;

// A long-running service: large companies' independent parts are solved on other cores too.
startPartThreads();
const service = await startService({ port, host, seedDemo: true, ...(planTimeoutMs ? { planTimeoutMs } : {}) });
const shown = host === "0.0.0.0" || host === "::" ? `http://localhost:${service.port}` : service.url;
console.log(`vlinder is running at ${shown} (database: ${service.db.url})`);
if (service.seeded) console.log(`First start: the Westhoek demo was loaded. Open ${shown}/dag/${DEMO_DATE} to see its Monday morning.`);
console.log(`Sign in at ${shown}/ with one of the demo users (change these passwords before real use):`);
for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}  /  ${user.password}`);
console.log(`API documentation: ${shown}/api/docs`);

const stop = async () => {
  await service.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
