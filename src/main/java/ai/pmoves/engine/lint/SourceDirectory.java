package ai.pmoves.engine.lint;

import java.nio.file.Path;

/**
 * A directory of SQL files to lint.
 *
 * @param kind       what its files are
 * @param path       where it is
 * @param parameter  the parameter that gave it, named in the error when a configured one is missing
 * @param configured whether the user set it: a missing default directory just holds no files
 */
public record SourceDirectory(SourceKind kind, Path path, String parameter, boolean configured) {
}
