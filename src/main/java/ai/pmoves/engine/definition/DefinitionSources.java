package ai.pmoves.engine.definition;

import ai.pmoves.engine.history.CatalogColumns;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.migration.NaturalOrder;
import ai.pmoves.engine.migration.SqlFiles;
import ai.pmoves.engine.seed.SeedFile;
import ai.pmoves.engine.seed.SeedInfo;
import ai.pmoves.engine.seed.SeedStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the definitions are: SQL files that define functions, views, policies and grants, and run again whenever
 * they change. Each is a {@link SeedFile} (its file and the path the definition table records), since it is tracked
 * as a seed is.
 *
 * @param directory     the definitions directory: a missing default one holds no definitions
 * @param baseDirectory the project directory, which recorded paths are relative to
 */
public record DefinitionSources(ConfiguredDirectory directory, Path baseDirectory) {
    static final String PARAMETER = "definitionsDirectory";

    /** The definitions in the natural order of their file names; none when the default directory is missing. */
    public List<SeedFile> scan() {
        List<Path> found = new ArrayList<>(SqlFiles.list(directory, PARAMETER));
        found.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        return found.stream().map(f -> new SeedFile(f, SqlFiles.recordedPath(baseDirectory, f))).toList();
    }

    /**
     * Each definition as applied, pending or changed, then recorded ones whose file is gone as missing: read from the
     * definition table of {@code historyTable} without creating or changing anything.
     */
    public List<SeedInfo> status(Connection connection, TableName historyTable) {
        return status(connection, historyTable, null);
    }

    /** {@link #status(Connection, TableName)}, with the definition table's columns from {@code known} when it holds them. */
    public List<SeedInfo> status(Connection connection, TableName historyTable, CatalogColumns known) {
        return SeedStatus.of(scan(), new DefinitionTable(historyTable).readAll(connection, known), baseDirectory);
    }
}
