package ai.pmoves.engine.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an extension the server lacks comes from on this operating system: the package a user installs to get it
 * beside their PostgreSQL, for the advice that names every way out.
 */
public final class ExtensionPackages {
    /** Debian's and Ubuntu's (and the PGDG repository's) package names, after {@code postgresql-NN-}. */
    private static final Map<String, String> DEBIAN = Map.ofEntries(Map.entry("vector", "pgvector"),
            Map.entry("pg_cron", "cron"), Map.entry("pgtap", "pgtap"), Map.entry("postgis", "postgis-3"),
            Map.entry("postgis_topology", "postgis-3"), Map.entry("http", "http"),
            Map.entry("plpgsql_check", "plpgsql-check"), Map.entry("hypopg", "hypopg"),
            Map.entry("pg_partman", "partman"), Map.entry("pgrouting", "pgrouting"), Map.entry("pg_repack", "repack"),
            Map.entry("pgaudit", "pgaudit"), Map.entry("orafce", "orafce"), Map.entry("pg_hint_plan", "pg-hint-plan"),
            Map.entry("rum", "rum"), Map.entry("pg_squeeze", "squeeze"), Map.entry("pgmq", "pgmq"),
            Map.entry("hll", "hll"), Map.entry("pg_hashids", "hashids"), Map.entry("timescaledb", "timescaledb"));
    /** Homebrew formulas that install an extension into Homebrew's PostgreSQL. */
    private static final Map<String, String> BREW = Map.of("vector", "pgvector", "postgis", "postgis",
            "postgis_topology", "postgis", "pgrouting", "pgrouting");

    private ExtensionPackages() {
    }

    /**
     * How to install {@code extension} for PostgreSQL {@code major} here, e.g. {@code apt install
     * postgresql-17-pgvector}; null when this system has no package for it that is known here.
     */
    public static String install(String extension, int major) {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("mac")) {
            return BREW.containsKey(extension) ? "brew install " + BREW.get(extension) : null;
        }
        if (os.contains("linux") && Files.exists(Path.of("/etc/debian_version")) && DEBIAN.containsKey(extension)) {
            return "apt install postgresql-" + major + "-" + DEBIAN.get(extension);
        }
        return null;
    }
}
