package ai.pmoves.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * pgTAP on the tests' PostgreSQL, so that {@code CREATE EXTENSION pgtap} works there. The embedded PostgreSQL 17 comes
 * without it; this machine's distribution package ({@code postgresql-15-pgtap}, which CI installs too) puts pgTAP's
 * control file and SQL scripts in {@code /usr/share/postgresql/15/extension}. For the embedded server, this copies
 * those files into the server's own extension directory ({@code SHAREDIR/extension}, which belongs to the build user),
 * which is what pgTAP's own {@code make install} does.
 *
 * <p>Why this is honest: pgTAP is written in SQL and PL/pgSQL only (its control file names a module path, but none of
 * its functions is C), so the files are the real pgTAP, the same on every PostgreSQL major version they support, and
 * the tests run the real pgTAP functions and read their real output; nothing is stood in. PgTapFixtureTest checks that
 * the package's SQL installs and runs on the embedded PostgreSQL 17.
 *
 * <p>Where the files are missing, the calling test is skipped, saying what to install; another server (of
 * {@code PMOVES_TEST_JDBC_URL}, or Docker's) is used as it is, and skipped when it has no pgTAP.
 */
public final class PgTapFixture {
    /** Where Debian and Ubuntu packages put extension files: {@code /usr/share/postgresql/MAJOR/extension}. */
    private static final Path SYSTEM_SHARE = Path.of("/usr/share/postgresql");
    private static final String INSTALL = "apt install postgresql-15-pgtap";

    private PgTapFixture() {
    }

    /** Makes pgTAP available on the tests' server, or skips the calling test saying why. */
    public static void ensure() {
        ensure(TestPostgres.server());
    }

    /** Makes pgTAP available on {@code server}, or skips the calling test saying why. */
    public static void ensure(TestPostgres.Server server) {
        String missing = install(server);
        Assumptions.assumeTrue(missing == null, missing);
    }

    /**
     * Makes pgTAP available on {@code server} (copies the machine's files into an embedded server); returns null, or
     * why it cannot. For invoker ITs, whose server is embedded, through {@code ItDatabase.withPgTap()}.
     */
    public static String install(TestPostgres.Server server) {
        try (Connection c = DriverManager.getConnection(server.url("postgres"), server.user(), server.password());
             Statement st = c.createStatement()) {
            if (available(st)) {
                return null;
            }
            if (!server.embedded()) {
                return server.kind() + " at " + server.url("postgres") + " has no pgTAP: install it there (e.g. "
                        + "apt install postgresql-17-pgtap), or unset PMOVES_TEST_JDBC_URL to test on the embedded server";
            }
            String missing = missingOnThisMachine();
            if (missing != null) {
                return missing;
            }
            copy(newestSystemExtensionDirectory(), Path.of(sharedir(st), "extension"));
            return available(st) ? null : "pgTAP's files were copied, but " + server.kind() + " does not list pgtap"
                    + " in pg_available_extensions";
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot install pgTAP on the test server: " + e, e);
        }
    }

    /**
     * Why pgTAP cannot be installed on an embedded server here ({@code apt install postgresql-15-pgtap}), or null when
     * the machine has its files: for an invoker IT's selector script, which runs before its server is up.
     */
    public static String missingOnThisMachine() {
        return newestSystemExtensionDirectory() == null ? "pgTAP's files are not on this machine (none in "
                + SYSTEM_SHARE + "/*/extension): " + INSTALL : null;
    }

    private static boolean available(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'pgtap'")) {
            return rs.next();
        }
    }

    private static String sharedir(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT setting FROM pg_config WHERE name = 'SHAREDIR'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The extension directory of the newest PostgreSQL whose pgTAP package is installed; null when none is. */
    private static Path newestSystemExtensionDirectory() {
        if (!Files.isDirectory(SYSTEM_SHARE)) {
            return null;
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> majors = Files.newDirectoryStream(SYSTEM_SHARE)) {
            for (Path major : majors) {
                if (Files.isRegularFile(major.resolve("extension/pgtap.control"))) {
                    found.add(major.resolve("extension"));
                }
            }
        } catch (IOException e) {
            return null;
        }
        return found.stream().max(Comparator.comparing(p -> p.getParent().getFileName().toString(),
                Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))).orElse(null);
    }

    /**
     * Copies the {@code pgtap--*.sql} scripts and {@code pgtap.control}, each through a temporary name and a rename, so
     * that a server of another test JVM sharing the binaries never reads half a file.
     */
    private static void copy(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> scripts = Files.newDirectoryStream(from, "pgtap--*.sql")) {
            scripts.forEach(files::add);
        }
        files.add(from.resolve("pgtap.control")); // last: once it is there, the server offers the extension
        for (Path file : files) {
            Path target = to.resolve(file.getFileName());
            if (Files.exists(target) && Files.mismatch(file, target) == -1) {
                continue;
            }
            Path partial = Files.createTempFile(to, ".pgtap-", ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
