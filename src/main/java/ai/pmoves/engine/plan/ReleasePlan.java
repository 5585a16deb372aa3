package ai.pmoves.engine.plan;

import ai.pmoves.engine.schema.SchemaObject;
import java.util.List;

/**
 * A release plan: what {@code pmoves:plan} found an apply would run, and the state of the database it found it in, so
 * that {@code apply -Dpmoves.plan} can run exactly that once it has checked that nothing moved since. Written to and
 * read from {@code plan.json} by {@link PlanJson}.
 *
 * @param format        the plan's format, {@link #FORMAT}; a plan of another format is refused
 * @param pluginVersion the version of the plugin that made it
 * @param createdAt     when, as an ISO-8601 instant
 * @param database      the database it was made for
 * @param history       the history it was made against
 * @param catalog       the fingerprint of the schema it was made against
 * @param migrations    the migrations to run, in order
 * @param baseline      the migrations to record as baseline without running them, in order
 * @param definitions   the definitions to run (new or changed), in order
 * @param hooks         the hooks that run with them
 */
public record ReleasePlan(String format, String pluginVersion, String createdAt, Database database, History history,
                          Catalog catalog, List<PlannedFile> migrations, List<PlannedFile> baseline,
                          List<PlannedFile> definitions, List<PlannedFile> hooks) {

    /** The format this plugin writes and reads; a plan of another one is refused. */
    public static final String FORMAT = "pmoves-plan/1";

    /**
     * @param url           the masked URL (no password)
     * @param serverVersion the server's version, as it reports it
     * @param name          the database's name ({@code current_database()})
     */
    public record Database(String url, String serverVersion, String name) {
    }

    /**
     * @param table       the history table
     * @param fingerprint SHA-256 hex over every row of the history, of its failed table and of the definition table
     * @param rows        those rows, by what names them: the version or path, and the checksum and state
     */
    public record History(String table, String fingerprint, List<HistoryEntry> rows) {
    }

    /**
     * One recorded row as a plan keeps it.
     *
     * @param key      a migration's version, or {@code definition:PATH} for a definition
     * @param state    {@code applied}, {@code baseline}, {@code failed}; a definition's is {@code applied}
     * @param checksum the recorded checksum, null when none is recorded
     */
    public record HistoryEntry(String key, String state, String checksum) {
        /** As a refusal names it: {@code 20250101000000 (applied)}. */
        public String shown() {
            return key + " (" + state + ")";
        }
    }

    /**
     * @param fingerprint     SHA-256 hex of the schema snapshot
     * @param excludedSchemas the schemas the snapshot leaves out (besides the system ones): the apply reads the same
     * @param objects         the snapshot's objects: what lets a refusal name the objects that differ, as drift does
     */
    public record Catalog(String fingerprint, List<String> excludedSchemas, List<SchemaObject> objects) {
    }

    /**
     * A file of the plan.
     *
     * @param version       a migration's version; null for a definition or a hook
     * @param name          a migration's name, a hook's moment; null for a definition
     * @param path          the file's path from the project directory
     * @param checksum      the file's checksum (SHA-256, as the history keeps it)
     * @param transactional whether it runs in one transaction
     * @param statements    its statements, with the line each starts on
     */
    public record PlannedFile(String version, String name, String path, String checksum, boolean transactional,
                              List<PlannedStatement> statements) {
        /** How a refusal or a log line names it. */
        public String shown() {
            return path;
        }
    }

    /**
     * A statement of a planned file, as written in the file (psql variables not substituted).
     *
     * @param line the line it starts on
     * @param sql  its text
     */
    public record PlannedStatement(int line, String sql, List<PlannedLock> locks, long rows, boolean rewrite) {
        /** A statement of a plan made without the target's tables: hooks, and plans read back without locks. */
        public PlannedStatement(int line, String sql) {
            this(line, sql, List.of(), -1, false);
        }
    }

    /**
     * A lock a planned statement takes, for the reviewer.
     *
     * @param relation the table, schema-qualified when the target has it
     * @param mode     as PostgreSQL spells it in pg_locks: AccessExclusiveLock, ShareLock, …
     */
    public record PlannedLock(String relation, String mode) {
    }
}
