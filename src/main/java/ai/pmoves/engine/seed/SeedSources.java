package ai.pmoves.engine.seed;

import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the seed files are and which of them count (design.md: Configuration; Files, names and order): the init
 * scripts, then each seed directory, the files directly inside each in natural order ({@code 06_a < 06_b < 10_c},
 * {@code v5_9 < v5_12 < v5_14}). Built by name: {@code SeedSources.in(project).withSeedDirectories(db)…}. A missing
 * default directory is skipped with one line, a missing configured one is an error.
 *
 * @param initDirectory   the init scripts ({@code supabase/initdb}), which run before the seeds; null for none
 * @param seedDirectories the seed directories ({@code db}), in the order their files run
 * @param includes        Maven-style globs ({@code *}, {@code ?}, {@code **}) a seed file must match to count (every
 *                        init script counts); empty means {@code *.sql}. A glob holding a {@code /} is matched against
 *                        the path relative to {@code baseDirectory} ({@code db/v5_12_*.sql}), any other against the
 *                        file name ({@code v5_12_*.sql})
 * @param excludes        globs, matched the same way, that take a seed file out
 * @param baseDirectory   the project directory: the seed table records paths relative to it
 * @param supabaseDirectory the Supabase CLI's directory ({@code supabase}) whose seed files run after the seed
 *                        directories, as its {@code config.toml} lists them ({@code [db.seed] sql_paths}, by default
 *                        {@code ./seed.sql}); null for none
 */
public record SeedSources(ConfiguredDirectory initDirectory, List<ConfiguredDirectory> seedDirectories,
                          List<String> includes, List<String> excludes, Path baseDirectory, Path supabaseDirectory) {

    public SeedSources {
        seedDirectories = List.copyOf(seedDirectories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** No init scripts or seed directories yet, every {@code .sql} file counts, paths recorded from the project. */
    public static SeedSources in(Path baseDirectory) {
        return new SeedSources(null, List.of(), List.of(), List.of(), baseDirectory, null);
    }

    public SeedSources withInitDirectory(ConfiguredDirectory initDirectory) {
        return new SeedSources(initDirectory, seedDirectories, includes, excludes, baseDirectory, supabaseDirectory);
    }

    public SeedSources withSeedDirectories(List<ConfiguredDirectory> seedDirectories) {
        return new SeedSources(initDirectory, seedDirectories, includes, excludes, baseDirectory, supabaseDirectory);
    }

    public SeedSources withSeedDirectories(ConfiguredDirectory... seedDirectories) {
        return withSeedDirectories(List.of(seedDirectories));
    }

    public SeedSources withIncludes(List<String> includes) {
        return new SeedSources(initDirectory, seedDirectories, includes, excludes, baseDirectory, supabaseDirectory);
    }

    public SeedSources withExcludes(List<String> excludes) {
        return new SeedSources(initDirectory, seedDirectories, includes, excludes, baseDirectory, supabaseDirectory);
    }

    /** The Supabase CLI's seed files of {@code supabaseDirectory} too, after the seed directories. */
    public SeedSources withSupabaseSeeds(Path supabaseDirectory) {
        return new SeedSources(initDirectory, seedDirectories, includes, excludes, baseDirectory, supabaseDirectory);
    }

    /** The init scripts alone: what bootstrap runs before the migrations. */
    public SeedSources initScriptsOnly() {
        return withSeedDirectories(List.of()).withSupabaseSeeds(null);
    }

    /** The seed directories alone: what bootstrap runs after the migrations. */
    public SeedSources seedsOnly() {
        return withInitDirectory(null);
    }
}
