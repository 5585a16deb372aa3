package ai.pmoves.engine.drift;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.Json;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.schema.SchemaDiff;
import ai.pmoves.engine.schema.SchemaSnapshot;
import ai.pmoves.engine.server.PostgresServer;
import ai.pmoves.engine.sql.SqlIdentifier;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Compares the target's schema with the schema the project's files make: the files (init scripts, migrations,
 * definitions, hooks; no seeds) run on a scratch prepared like the target — with the Supabase preparation when the
 * target has the platform (its {@code auth} schema and API roles), without it otherwise — and both are read as
 * {@link SchemaSnapshot}s. The target is only read.
 */
public final class DriftCheck {
    private final ConnectionSettings target;
    private final EngineLog log;

    public DriftCheck(ConnectionSettings target, EngineLog log) {
        this.target = target;
        this.log = log;
    }

    /** What the target is: its server's major version, whether it has the Supabase platform, what its user may do. */
    private record Target(String major, boolean platform, boolean mayCreateDatabases, String database) {
    }

    /** The differences, one line each in the log and in the report; fails on one when {@code failOnDrift}. */
    public SchemaDiff check(DriftOptions options) {
        long start = System.nanoTime();
        Target facts;
        SchemaSnapshot actual;
        try (Connection c = target.connect("drift")) {
            facts = facts(c);
            actual = SchemaSnapshot.read(c, options.filter());
        } catch (SQLException e) {
            throw target.databaseError(e);
        }
        log.info("Drift: " + target.maskedUrl() + " (PostgreSQL " + facts.major() + ", " + (facts.platform()
                ? "with the Supabase platform" : "a plain PostgreSQL") + ") against its project's files, "
                + options.filter() + " compared.");
        Expected expected = options.database() == DriftDatabase.SCRATCH ? onScratchDatabase(options, facts)
                : onThrowaway(options, facts);
        SchemaDiff diff = SchemaDiff.between(expected.snapshot(), actual);
        if (diff.isEmpty()) {
            log.info("No drift: the schema of " + target.maskedUrl() + " is the one the files make ("
                    + actual.size() + " objects, fingerprint " + actual.fingerprint().substring(0, 12) + ").");
        } else {
            diff.lines().forEach(log::warn);
        }
        if (options.report() != null) {
            Json.write(options.report(), json(diff, expected, actual));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!diff.isEmpty()) {
            String summary = diff.differences().size() + " difference" + (diff.differences().size() == 1 ? "" : "s")
                    + " between " + target.maskedUrl() + " and the schema its files make (built on " + expected.where()
                    + ", " + ms + " ms)" + (options.report() == null ? "" : ", listed above and in " + options.report());
            if (options.failOnDrift()) {
                throw new PmovesException("Drift: " + summary + ". Turn each change by hand into a migration (or undo"
                        + " it on the database); set -Dpmoves.failOnDrift=false to report without failing.");
            }
            log.warn("Drift: " + summary + ".");
        }
        return diff;
    }

    private static Target facts(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT"
                + " current_setting('server_version_num')::int / 10000,"
                + " to_regnamespace('auth') IS NOT NULL AND EXISTS (SELECT FROM pg_roles WHERE rolname = 'authenticated')"
                + "   AND EXISTS (SELECT FROM pg_roles WHERE rolname = 'anon'),"
                + " (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user), current_database()")) {
            rs.next();
            return new Target(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4));
        }
    }

    /** The expected schema and where it was built. */
    private record Expected(SchemaSnapshot snapshot, String where) {
    }

    private Expected onThrowaway(DriftOptions options, Target facts) {
        if (options.throwaway() == null) {
            throw new PmovesException("driftDatabase=throwaway needs a way to start a server; none was given.");
        }
        try (PostgresServer server = options.throwaway().start(facts.major())) {
            ConnectionSettings scratch = ConnectionSettings.resolve(server.url(), server.user(), server.password(),
                    Map.of(), 30).withVariables(target.variables());
            // a throwaway stands in for what its server lacks, as bootstrap does on the servers of pmoves:start
            return new Expected(build(scratch, options, facts.platform() ? SupabaseCompat.EMULATE : SupabaseCompat.OFF),
                    "a throwaway " + server.description());
        }
    }

    private Expected onScratchDatabase(DriftOptions options, Target facts) {
        if (!facts.mayCreateDatabases()) {
            throw new PmovesException("driftDatabase=scratch: " + target.user() + " may not create databases on "
                    + target.maskedUrl() + ", and the scratch database is one. Use driftDatabase=throwaway (the default),"
                    + " which builds the expected schema on a server of its own, or connect as a user with CREATEDB.");
        }
        List<ConfiguredDirectory> directories = new ArrayList<>();
        directories.add(options.apply().migrationsDirectory());
        if (options.apply().definitions() != null) {
            directories.add(options.apply().definitions().directory());
        }
        directories.add(options.initScripts().sources().initDirectory());
        List<String> serverWide = ServerWideStatements.in(directories,
                options.initScripts().sources().baseDirectory().toAbsolutePath());
        if (!serverWide.isEmpty()) {
            throw new PmovesException("driftDatabase=scratch: the files change what belongs to the whole server, which"
                    + " a scratch database shares with the target: " + String.join("; ", serverWide) + ". Use"
                    + " driftDatabase=throwaway (the default), which builds the expected schema on a server of its own.");
        }
        String name = "pmoves_drift_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        execute("CREATE DATABASE " + SqlIdentifier.quote(name));
        try {
            return new Expected(build(target.withDatabase(name), options,
                    facts.platform() ? SupabaseCompat.AUTO : SupabaseCompat.OFF),
                    "the scratch database " + name + " of the target's server");
        } finally {
            // WITH (FORCE): a session the files left behind (dblink, a failed build's) must not keep it alive
            execute("DROP DATABASE IF EXISTS " + SqlIdentifier.quote(name) + " WITH (FORCE)");
            log.info("Drift: dropped the scratch database " + name + ".");
        }
    }

    private void execute(String sql) {
        try (Connection c = target.connect("drift"); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw target.databaseError(e);
        }
    }

    /** Runs the files on {@code scratch} and reads what they made. */
    private SchemaSnapshot build(ConnectionSettings scratch, DriftOptions options, SupabaseCompat compat) {
        try {
            new Bootstrapper(scratch, warningsOnly()).bootstrap(new BootstrapOptions(options.apply(),
                    options.initScripts(), compat));
        } catch (PmovesException e) {
            throw new PmovesException("Drift: the project's files do not build the expected schema on a scratch server"
                    + " (" + (compat == SupabaseCompat.OFF ? "no Supabase preparation" : "with the Supabase preparation")
                    + "): " + e.getMessage(), e);
        }
        try (Connection c = scratch.connect("drift")) {
            return SchemaSnapshot.read(c, options.filter());
        } catch (SQLException e) {
            throw scratch.databaseError(e);
        }
    }

    /** The scratch build's progress is not the user's news; its warnings are. */
    private EngineLog warningsOnly() {
        return new EngineLog() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
                log.warn("Drift, building the expected schema: " + line);
            }
        };
    }

    private String json(SchemaDiff diff, Expected expected, SchemaSnapshot actual) {
        StringBuilder sb = new StringBuilder("{\n  \"database\": ").append(Json.string(target.maskedUrl()))
                .append(",\n  \"expectedFrom\": ").append(Json.string(expected.where())).append(",\n  \"drift\": [");
        String separator = "\n";
        for (SchemaDiff.Difference d : diff.differences()) {
            sb.append(separator).append("    {\"kind\": ").append(Json.string(d.kind()))
                    .append(", \"object\": ").append(Json.string(d.object()))
                    .append(", \"change\": ").append(Json.string(d.change().label()))
                    .append(", \"expected\": ").append(Json.string(d.expected()))
                    .append(", \"actual\": ").append(Json.string(d.actual()))
                    .append(", \"detail\": ").append(Json.string(d.detail())).append('}');
            separator = ",\n";
        }
        sb.append(diff.isEmpty() ? "]" : "\n  ]").append(",\n  \"summary\": {");
        for (SchemaDiff.Change change : SchemaDiff.Change.values()) {
            sb.append('"').append(change.label()).append("\": ")
                    .append(diff.differences().stream().filter(d -> d.change() == change).count()).append(", ");
        }
        return sb.append("\"total\": ").append(diff.differences().size())
                .append(", \"drift\": ").append(!diff.isEmpty())
                .append(", \"expectedFingerprint\": ").append(Json.string(expected.snapshot().fingerprint()))
                .append(", \"actualFingerprint\": ").append(Json.string(actual.fingerprint()))
                .append("}\n}\n").toString();
    }
}
