import { defineConfig } from "vitest/config";

// Every test runs with TZ=Europe/Brussels (the organisations' zone); the calendar tests run
// again under UTC+14 and UTC−8/−7, because dates must not depend on the process time zone.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "default", include: ["test/**/*.test.ts"], env: { TZ: "Europe/Brussels" } },
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
