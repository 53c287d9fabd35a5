import { customType } from "drizzle-orm/pg-core";

/** Raw bytes (uploaded files, import chunks): kept exactly as received. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
