package ai.pmoves.maven;

import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.seed.SeedSources;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What the goals that read the seed files against the database share (status, seed, bootstrap): where the init scripts
 * and seeds are, which of them count, and the table that records them.
 */
public abstract class AbstractSeedFilesMojo extends AbstractDatabaseMojo {

    /**
     * Directory of the init scripts ({@code NN_name.sql}), run before the seeds, in natural order ({@code 06_a} before
     * {@code 06_b} before {@code 10_c}). Default: supabase/initdb in the project directory, skipped with one line
     * when it does not exist. A configured directory that does not exist is an error.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.initDirectory")
    protected File initDirectory;

    /**
     * Seed directories, run in this order after the init scripts, the files of each in natural order ({@code v5_9}
     * before {@code v5_12} before {@code v5_14}). Default: db in the project directory (skipped with one line when it
     * does not exist), then the Supabase CLI's seed files: {@code [db.seed] sql_paths} of supabase/config.toml (paths
     * or globs relative to supabase/, in that order; none when {@code enabled = false}), or supabase/seed.sql without
     * one. When set, these directories are the seeds and config.toml is not read. As a property, a comma list:
     * {@code -Dpmoves.seedDirectories=db,db/demo}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.seedDirectories")
    protected List<File> seedDirectories;

    /**
     * Maven-style globs ({@code *}, {@code ?}, {@code **}) a file must match to run, for init scripts and seeds alike.
     * A glob with a {@code /} is matched against the path from the project directory ({@code db/v5_12_*.sql}), any
     * other against the file name ({@code v5_12_*.sql}). Default {@code *.sql}. As a property, a comma list:
     * {@code -Dpmoves.seedIncludes=v5_12_seed.sql,v5_14_*.sql}. A glob that matches no file is reported.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.seedIncludes")
    protected List<String> seedIncludes;

    /**
     * Globs, matched like {@code seedIncludes}, of files that must not run. As a property, a comma list.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.seedExcludes")
    protected List<String> seedExcludes;

    /**
     * The seed table, as {@code schema.table} written as in SQL: each file's path (from the project directory) and hash. The default is
     * the Supabase CLI's own table, so {@code supabase db push --include-seed} and the plugin agree on what ran.
     *
     * @since 0.1.0
     */
    @Parameter(property = "pmoves.seedTable", defaultValue = "supabase_migrations.seed_files")
    protected String seedTable;

    protected AbstractSeedFilesMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    /** The seed files as configured, defaults filled in. */
    protected SeedSources seedSources() {
        return seedSources(initDirectory, seedDirectories, seedIncludes, seedExcludes);
    }

    protected TableName seedTableName() {
        return TableName.parse(seedTable, "seedTable");
    }
}
