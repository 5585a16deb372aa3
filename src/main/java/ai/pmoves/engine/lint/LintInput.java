package ai.pmoves.engine.lint;

import java.util.List;

/**
 * What the rules look at.
 *
 * @param files                 every file, in the order they run: init scripts, migrations (time order), seeds,
 *                              then down scripts
 * @param supabaseRolesPrepared whether the build creates the Supabase roles before these files run
 *                              ({@code pmoves:bootstrap} with {@code supabaseCompat=auto})
 */
public record LintInput(List<SourceFile> files, boolean supabaseRolesPrepared) {

    /** The files of one kind, in run order. */
    public List<SourceFile> of(SourceKind kind) {
        return files.stream().filter(f -> f.kind() == kind).toList();
    }
}
