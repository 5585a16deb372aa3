package ai.pmoves.engine.lint;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@link Linter#lint} is asked to do.
 *
 * @param baseDirectory         the project directory: findings name files relative to it
 * @param directories           the directories to lint (migrations, init scripts, seeds, down scripts)
 * @param disabledRules         ids of rules to turn off
 * @param supabaseRolesPrepared whether the build creates the Supabase roles before the files run
 *                              ({@code pmoves:bootstrap} with {@code supabaseCompat=auto})
 * @param variables             the names of the psql variables the files are run with
 */
public record LintOptions(Path baseDirectory, List<SourceDirectory> directories, Set<String> disabledRules,
                          boolean supabaseRolesPrepared, Set<String> variables) {

    /** Without psql variables. */
    public LintOptions(Path baseDirectory, List<SourceDirectory> directories, Set<String> disabledRules,
                       boolean supabaseRolesPrepared) {
        this(baseDirectory, directories, disabledRules, supabaseRolesPrepared, Set.of());
    }
}
