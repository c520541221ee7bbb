import { configDefaults, defineConfig } from "vitest/config";

// Every test runs with TZ=Europe/Brussels (the organisations' zone); the calendar tests run
// again under UTC+14 and UTC−8/−7, because dates must not depend on the process time zone.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "default",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/e2e/**"],
          env: { TZ: "Europe/Brussels" },
        },
      },
      {
        // The board in Debian's chromium against the real service: builds web/dist once first.
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          env: { TZ: "Europe/Brussels" },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: { name: "calendar-tz-kiritimati", include: ["test/calendar/**/*.test.ts"], env: { TZ: "Pacific/Kiritimati" } },
      },
      {
        extends: true,
        test: { name: "calendar-tz-la", include: ["test/calendar/**/*.test.ts"], env: { TZ: "America/Los_Angeles" } },
      },
    ],
  },
});
