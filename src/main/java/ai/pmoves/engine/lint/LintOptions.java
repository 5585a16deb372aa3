package ai.pmoves.engine.lint;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@link Linter#lint} is asked to do: {@code LintOptions.of(project, directories)} and a {@code with…} for each
 * setting that is not the default, e.g. {@code .withDisabledRules(Set.of("if-not-exists"))}.
 *
 * @param baseDirectory         the project directory: findings name files relative to it
 * @param directories           the directories to lint (migrations, init scripts, seeds, down scripts)
 * @param disabledRules         ids of rules to turn off
 * @param supabaseRolesPrepared whether the build creates the Supabase roles before the files run
 *                              ({@code pmoves:bootstrap} with {@code supabaseCompat=auto})
 * @param variables             the names of the psql variables the files are run with
 * @param seedFiles             seed files outside the directories, linted after them: the Supabase CLI's
 *                              ({@code [db.seed] sql_paths} of {@code supabase/config.toml})
 */
public record LintOptions(Path baseDirectory, List<SourceDirectory> directories, Set<String> disabledRules,
                          boolean supabaseRolesPrepared, Set<String> variables, List<Path> seedFiles) {

    /** Every rule on, no Supabase roles prepared, no psql variables. */
    public static LintOptions of(Path baseDirectory, List<SourceDirectory> directories) {
        return new LintOptions(baseDirectory, directories, Set.of(), false, Set.of(), List.of());
    }

    public LintOptions withDisabledRules(Set<String> disabledRules) {
        return new LintOptions(baseDirectory, directories, disabledRules, supabaseRolesPrepared, variables, seedFiles);
    }

    public LintOptions withSupabaseRolesPrepared(boolean supabaseRolesPrepared) {
        return new LintOptions(baseDirectory, directories, disabledRules, supabaseRolesPrepared, variables, seedFiles);
    }

    public LintOptions withSeedFiles(List<Path> seedFiles) {
        return new LintOptions(baseDirectory, directories, disabledRules, supabaseRolesPrepared, variables, seedFiles);
    }

    public LintOptions withVariables(Set<String> variables) {
        return new LintOptions(baseDirectory, directories, disabledRules, supabaseRolesPrepared, variables, seedFiles);
    }
}
