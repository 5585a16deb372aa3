package ai.pmoves.engine.seed;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Supabase CLI's {@code [db.seed]} of {@code supabase/config.toml}: whether {@code supabase db reset} and
 * {@code db push --include-seed} seed at all, and the files they seed, as paths or globs relative to the
 * {@code supabase} directory, in the order they run.
 *
 * @param enabled  {@code enabled}: false means the CLI seeds nothing
 * @param sqlPaths {@code sql_paths}, as written
 * @param listed   whether config.toml lists them, rather than the CLI's default (an entry of the user's that matches no
 *                 file is worth a warning, a default {@code seed.sql} that is absent is not)
 */
public record SupabaseSeedConfig(boolean enabled, List<String> sqlPaths, boolean listed) {
    /** What the CLI does without a config.toml, or without {@code [db.seed]} in it. */
    public static final SupabaseSeedConfig CLI_DEFAULT = new SupabaseSeedConfig(true, List.of("./seed.sql"), false);

    public SupabaseSeedConfig {
        sqlPaths = List.copyOf(sqlPaths);
    }

    /** The {@code [db.seed]} of {@code configToml}; the CLI's default when the file does not exist. */
    public static SupabaseSeedConfig read(Path configToml) {
        if (!Files.isRegularFile(configToml)) {
            return CLI_DEFAULT;
        }
        try {
            return DbSeedToml.parse(Files.readString(configToml), configToml.toString());
        } catch (IOException e) {
            throw new PmovesException("Cannot read " + Printable.of(configToml) + ": " + Printable.of(e.getMessage()),
                    e);
        }
    }
}
