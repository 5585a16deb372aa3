package ai.pmoves.engine.lint;

import ai.pmoves.engine.migration.ConfiguredDirectory;

/**
 * A directory of SQL files to lint.
 *
 * @param kind      what its files are
 * @param directory where it is: a missing default directory just holds no files
 * @param parameter the parameter that gave it, named in the error when a configured one is missing
 */
public record SourceDirectory(SourceKind kind, ConfiguredDirectory directory, String parameter) {
}
