-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Brussels',
    "depotJson" TEXT,
    "rulesJson" TEXT NOT NULL,
    "absenceModelJson" TEXT,
    "dataStamp" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Client_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enclave" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "lat" REAL,
    "lon" REAL,
    "address" TEXT,
    "contractStart" TEXT NOT NULL,
    "contractEnd" TEXT,
    "contractNotified" TEXT,
    "scheduleDtstart" TEXT NOT NULL,
    "scheduleRrule" TEXT,
    "scheduleExdates" TEXT NOT NULL,
    "scheduleRdates" TEXT NOT NULL,
    "hoursStart" TEXT NOT NULL,
    "hoursEnd" TEXT NOT NULL,
    "staffingMin" INTEGER NOT NULL,
    "staffingTarget" INTEGER NOT NULL,
    "staffingMax" INTEGER NOT NULL,
    CONSTRAINT "Enclave_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enclave_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "guidance" TEXT,
    "coachRole" TEXT,
    "homeEnclaveId" TEXT,
    "transport" TEXT NOT NULL,
    CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Person_homeEnclaveId_fkey" FOREIGN KEY ("homeEnclaveId") REFERENCES "Enclave" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EnclaveFixedCoach" (
    "enclaveId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("enclaveId", "personId"),
    CONSTRAINT "EnclaveFixedCoach_enclaveId_fkey" FOREIGN KEY ("enclaveId") REFERENCES "Enclave" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EnclaveFixedCoach_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Qualification" (
    "personId" TEXT NOT NULL,
    "enclaveId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("personId", "enclaveId"),
    CONSTRAINT "Qualification_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Qualification_enclaveId_fkey" FOREIGN KEY ("enclaveId") REFERENCES "Enclave" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Exclusion" (
    "personId" TEXT NOT NULL,
    "enclaveId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("personId", "enclaveId"),
    CONSTRAINT "Exclusion_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Exclusion_enclaveId_fkey" FOREIGN KEY ("enclaveId") REFERENCES "Enclave" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkPattern" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "dtstart" TEXT NOT NULL,
    "rrule" TEXT NOT NULL,
    "blocks" TEXT NOT NULL,
    CONSTRAINT "WorkPattern_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Route" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "seatsDay" INTEGER NOT NULL,
    "seatsMorning" INTEGER NOT NULL,
    "seatsAfternoon" INTEGER NOT NULL,
    CONSTRAINT "Route_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RouteStop" (
    "routeId" TEXT NOT NULL,
    "enclaveId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("routeId", "enclaveId"),
    CONSTRAINT "RouteStop_routeId_fkey" FOREIGN KEY ("routeId") REFERENCES "Route" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RouteStop_enclaveId_fkey" FOREIGN KEY ("enclaveId") REFERENCES "Enclave" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "blocks" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reportedAt" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    CONSTRAINT "Absence_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Absence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "planJson" TEXT NOT NULL,
    "dataStamp" INTEGER NOT NULL,
    "basedOnNumber" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "createdById" TEXT,
    "publishedAt" DATETIME,
    "publishedBy" TEXT,
    "publishedById" TEXT,
    CONSTRAINT "PlanVersion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planVersionId" TEXT NOT NULL,
    "enclaveCode" TEXT NOT NULL,
    "block" TEXT NOT NULL,
    "personCode" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "Assignment_planVersionId_fkey" FOREIGN KEY ("planVersionId") REFERENCES "PlanVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "beforeJson" TEXT,
    "afterJson" TEXT,
    CONSTRAINT "AuditEntry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organisationId_idx" ON "User"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Client_organisationId_name_key" ON "Client"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Enclave_organisationId_code_key" ON "Enclave"("organisationId", "code");

-- CreateIndex
CREATE INDEX "Person_homeEnclaveId_idx" ON "Person"("homeEnclaveId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organisationId_code_key" ON "Person"("organisationId", "code");

-- CreateIndex
CREATE INDEX "EnclaveFixedCoach_personId_idx" ON "EnclaveFixedCoach"("personId");

-- CreateIndex
CREATE INDEX "Qualification_enclaveId_idx" ON "Qualification"("enclaveId");

-- CreateIndex
CREATE INDEX "Exclusion_enclaveId_idx" ON "Exclusion"("enclaveId");

-- CreateIndex
CREATE INDEX "WorkPattern_personId_idx" ON "WorkPattern"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Route_organisationId_code_key" ON "Route"("organisationId", "code");

-- CreateIndex
CREATE INDEX "RouteStop_enclaveId_idx" ON "RouteStop"("enclaveId");

-- CreateIndex
CREATE INDEX "Absence_organisationId_from_idx" ON "Absence"("organisationId", "from");

-- CreateIndex
CREATE INDEX "Absence_personId_idx" ON "Absence"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_organisationId_date_number_key" ON "PlanVersion"("organisationId", "date", "number");

-- CreateIndex
CREATE INDEX "Assignment_planVersionId_idx" ON "Assignment"("planVersionId");

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_at_idx" ON "AuditEntry"("organisationId", "at");

