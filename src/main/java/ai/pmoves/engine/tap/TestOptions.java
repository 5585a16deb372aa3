package ai.pmoves.engine.tap;

import ai.pmoves.engine.migration.ConfiguredDirectory;
import java.nio.file.Path;

/**
 * What {@code pmoves:test} runs and where it reports.
 *
 * @param testDirectory    the pgTAP files' directory, read recursively
 * @param baseDirectory    the project directory, which messages name the files from
 * @param reportsDirectory where the JUnit XML reports go
 */
public record TestOptions(ConfiguredDirectory testDirectory, Path baseDirectory, Path reportsDirectory) {
}
