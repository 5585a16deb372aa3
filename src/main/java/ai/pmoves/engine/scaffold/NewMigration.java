package ai.pmoves.engine.scaffold;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.migration.MigrationName;
import ai.pmoves.engine.migration.SqlFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a new migration named by the current UTC time (or a given one), {@code YYYYMMDDhhmmss_<description>.sql}, from the guide's
 * template, and optionally its empty down script. Never overwrites a file, and never writes a migration whose version
 * another file already has.
 */
public final class NewMigration {
    /**
     * A table or schema name of lower-case letters, digits and _, at most 63 characters: the template makes index and
     * policy names of it. A keyword among them ({@code order}) is quoted where the template writes it ({@link TableName}).
     */
    private static final String IDENTIFIER = "[a-z_][a-z0-9_]{0,62}";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;
    private final EngineLog log;

    /** @param clock the time that names the file; its zone is ignored, the name is always UTC */
    public NewMigration(Clock clock, EngineLog log) {
        this.clock = clock;
        this.log = log;
    }

    /** Writes the files; returns the paths written, the migration first. */
    public List<Path> create(NewMigrationOptions options) {
        MigrationDescription description = MigrationDescription.of(options.name());
        GivenText.refuseControlCharacters("author", options.author(), "author", "\"Ada Lovelace\"");
        GivenText.refuseControlCharacters("issue", options.issue(), "issue", "PMOVES-123");
        GivenText.refuseControlCharacters("table", options.table(), "table", "public.feature_x");
        GivenText.refuseControlCharacters("timestamp", options.timestamp(), "timestamp", "20250115103000");
        TableName table = table(options.table(), description);
        LocalDateTime now = time(options.timestamp());
        String fileName = now.format(TIMESTAMP) + "_" + description.slug() + ".sql";
        MigrationName name = MigrationName.parse(fileName);

        List<Path> existing = SqlFiles.list(options.migrationsDirectory(), "migrationsDirectory");
        Path migration = options.migrationsDirectory().path().resolve(fileName);
        Path down = options.withRollback() ? options.rollbackDirectory().path().resolve(fileName) : null;
        checkFree(migration, name, existing);
        if (options.withRollback()) {
            SqlFiles.list(options.rollbackDirectory(), "rollbackDirectory");
            if (Files.exists(down)) {
                throw new PmovesException("The down script " + Printable.of(down) + " already exists; pmoves:new"
                        + " never overwrites a file. Move it away, or run pmoves:new again a second later.");
            }
        }
        warnIfOlderThanNewest(name, existing);

        List<Path> written = new ArrayList<>();
        write(migration, MigrationTemplate.migration(description, now.toLocalDate(), options.author(), options.issue(),
                table));
        written.add(migration);
        log.info("Created " + migration);
        if (options.withRollback()) {
            write(down, MigrationTemplate.downScript(fileName, table));
            written.add(down);
            log.info("Created " + down + " (down script: write its undo before pmoves:rollback can use it)");
        }
        return written;
    }

    /** The given {@code yyyyMMddHHmmss}, or now in UTC. */
    private LocalDateTime time(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            return LocalDateTime.parse(timestamp.trim(), TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new PmovesException("timestamp '" + timestamp + "' (pmoves.timestamp) is not a UTC time written"
                    + " yyyyMMddHHmmss, e.g. 20250115103000; leave it out to use the current time.", e);
        }
    }

    private static TableName table(String configured, MigrationDescription description) {
        if (configured == null || configured.isBlank()) {
            if (!description.slug().matches(IDENTIFIER)) {
                throw new PmovesException("The table name '" + description.slug() + "' that pmoves:new derives from"
                        + " the migration name is not a plain PostgreSQL identifier (it must start with a letter or _"
                        + " and have at most 63 characters): name the table, e.g. -Dpmoves.table=public.my_table.");
            }
            return new TableName("public", description.slug());
        }
        String value = configured.trim();
        String qualified = value.contains(".") ? value : "public." + value;
        if (!qualified.matches(IDENTIFIER + "\\." + IDENTIFIER)) {
            throw new PmovesException("table '" + configured + "' (pmoves.table) is not a plain table or schema.table"
                    + " name: use lower-case letters, digits and _, starting with a letter or _ (e.g. public.feature_x).");
        }
        return TableName.parse(qualified, "table");
    }

    /** Refuses a file that exists, or a version another migration has (two files of one second). */
    private static void checkFree(Path migration, MigrationName name, List<Path> existing) {
        if (Files.exists(migration)) {
            throw new PmovesException("The migration " + Printable.of(migration) + " already exists; pmoves:new"
                    + " never overwrites a file. Run it again a second later, or pick another name.");
        }
        for (Path file : existing) {
            String other = file.getFileName().toString();
            if (other.startsWith(name.version() + "_")) {
                throw new PmovesException("The migration " + Printable.of(other) + " already has version "
                        + name.version() + " (the same UTC second), and two files with one version cannot both run."
                        + " Run pmoves:new again a second later.");
            }
        }
    }

    /** A file dated in the future (or a skewed clock) would leave the new migration pending out of order. */
    private void warnIfOlderThanNewest(MigrationName name, List<Path> existing) {
        MigrationName newest = name;
        for (Path file : existing) {
            try {
                MigrationName other = MigrationName.parse(file.getFileName().toString());
                if (other.orderKey().compareTo(newest.orderKey()) > 0) {
                    newest = other;
                }
            } catch (PmovesException e) {
                // pmoves:validate reports badly named files; they do not stop a new one being written
            }
        }
        if (newest != name) {
            log.warn(newest.fileName() + " is dated after " + name.fileName() + " (now, UTC): where it was applied, the"
                    + " new migration will be out of order (pmoves:apply needs -Dpmoves.outOfOrder=true). Check the"
                    + " clock and that file's name.");
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new PmovesException(Printable.of(file) + " appeared while pmoves:new was writing; nothing was"
                    + " overwritten.", e);
        } catch (IOException e) {
            throw new PmovesException("Cannot write " + Printable.of(file) + ": " + Printable.of(e.getMessage()), e);
        }
    }
}
