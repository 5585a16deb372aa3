package ai.pmoves.maven;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.scaffold.NewDefinition;
import ai.pmoves.engine.scaffold.NewMigration;
import ai.pmoves.engine.scaffold.NewMigrationOptions;
import java.io.File;
import java.time.Clock;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a new migration, {@code supabase/migrations/TIMESTAMP_NAME.sql} (TIMESTAMP the UTC time as
 * {@code yyyyMMddHHmmss}, NAME the {@code name} in lower case with underscores), from the guide's "Example Migration
 * Template" (table with {@code gen_random_uuid()}, index, row level security, policy, comment), and with
 * {@code withRollback} its empty down script. With {@code -Dpmoves.kind=definition}, writes a definition instead:
 * {@code supabase/definitions/NAME.sql}, a function that runs again whenever the file changes. Never overwrites a file.
 * For example:
 * <pre>mvn pmoves:new -Dpmoves.name="add feature x" -Dpmoves.withRollback=true</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "new", threadSafe = true)
public class NewMojo extends AbstractFilesMojo {

    /**
     * What the migration does, e.g. {@code add feature x}: it becomes the file's description ({@code add_feature_x}),
     * the header and the table comment. Letters, digits, spaces, {@code -} and {@code _}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.name")
    protected String name;

    /**
     * Directory of the down scripts, where {@code withRollback} writes the empty one, with the migration's file name.
     * Default: supabase/rollbacks in the project directory. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.rollbackDirectory")
    protected File rollbackDirectory;

    /**
     * Also write an empty down script with the same file name in {@code rollbackDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.withRollback", defaultValue = "false")
    protected boolean withRollback;

    /**
     * The template's table, {@code schema.table} or {@code table} (in {@code public}). Default: {@code public.NAME},
     * NAME the file's description (e.g. {@code public.add_feature_x}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.table")
    protected String table;

    /**
     * The header's author.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.author", defaultValue = "${user.name}")
    protected String author;

    /**
     * The header's tracker issue, e.g. {@code PMOVES-123}; no issue line when unset.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.issue")
    protected String issue;

    /**
     * The UTC time that names the file, {@code yyyyMMddHHmmss}, instead of now: to give the migration a chosen place
     * in the order (e.g. before a later file that is still in review).
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.timestamp")
    protected String timestamp;

    /**
     * What to write: migration (the default) or definition, which writes NAME.sql in definitionsDirectory, a function
     * written with CREATE OR REPLACE so that it can run again whenever the file changes.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.kind", defaultValue = "migration")
    protected String kind;

    /**
     * Directory of the definitions, for kind definition. Default: supabase/definitions in the project directory.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.definitionsDirectory")
    protected File definitionsDirectory;

    /** The time that names the file when no timestamp is given; tests set a fixed one. */
    Clock clock = Clock.systemUTC();

    @Override
    protected void run() {
        String chosen = kind == null ? "migration" : kind.trim().toLowerCase(Locale.ROOT);
        if (chosen.equals("definition")) {
            NewDefinition.create(name, definitionSources(definitionsDirectory).directory(), engineLog());
            return;
        }
        if (!chosen.equals("migration")) {
            throw new PmovesException("kind '" + Printable.of(kind) + "' (pmoves.kind) is neither migration nor"
                    + " definition.");
        }
        new NewMigration(clock, engineLog()).create(NewMigrationOptions.of(name, migrationsDirectory(), author)
                .withRollback(withRollback ? rollbackDirectory(rollbackDirectory) : null)
                .withIssue(issue).withTable(table).withTimestamp(timestamp));
    }
}
