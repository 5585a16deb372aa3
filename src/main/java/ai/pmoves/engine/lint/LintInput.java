package ai.pmoves.engine.lint;

import java.util.List;
import java.util.Set;

/**
 * What the rules look at.
 *
 * @param files                 every file, in the order they run: init scripts, migrations (time order), seeds,
 *                              then down scripts
 * @param supabaseRolesPrepared whether the build creates the Supabase roles before these files run
 *                              ({@code pmoves:bootstrap} with {@code supabaseCompat=auto})
 * @param variables             the names of the psql variables the files are run with
 */
public record LintInput(List<SourceFile> files, boolean supabaseRolesPrepared, Set<String> variables) {

    /** Without psql variables. */
    public LintInput(List<SourceFile> files, boolean supabaseRolesPrepared) {
        this(files, supabaseRolesPrepared, Set.of());
    }

    /** The files of one kind, in run order. */
    public List<SourceFile> of(SourceKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }
}
