// The database for a command run on one machine (start, the CLI): the server
// in DATABASE_URL, or the embedded one started here when it is unset.
import { env } from "@/lib/env";
import { embeddedDatabaseUrl } from "@/lib/db/database-url";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded-postgres";
import { checkDatabaseReachable, prepareDatabase } from "@/lib/db/prepare-database";

export interface LocalDatabase {
  url: string;
  embedded: boolean;
  /** The embedded server when this process started it (not when it shares another command's). */
  server?: EmbeddedServer;
  stop(): Promise<void>;
}

export async function openLocalDatabase(onLog?: (line: string) => void): Promise<LocalDatabase> {
  const config = env();
  if (config.DATABASE_URL) {
    await prepareDatabase(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  // Another command of ours (npm start, say) already runs the embedded server: share it.
  const running = await checkDatabaseReachable(embeddedDatabaseUrl(config)).then(
    () => true,
    () => false,
  );
  if (running) {
    await prepareDatabase(embeddedDatabaseUrl(config));
    return { url: embeddedDatabaseUrl(config), embedded: true, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: config.EMBEDDED_PG_DIR,
    port: config.EMBEDDED_PG_PORT,
    database: "novels",
    onLog,
  });
  try {
    await prepareDatabase(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url, embedded: true, server, stop: () => server.stop() };
}
