/** `npm run migrate`: bring DATABASE_URL's schema up to date (Herald's and graphile-worker's). */
import { migrateDatabase } from "@/server/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at the Postgres to migrate (npm start migrates its own).");
  process.exit(1);
}
migrateDatabase(url).then(
  () => console.log("database is up to date"),
  (error) => {
    console.error(`migration failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
