package ai.pmoves.engine.seed;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.history.CatalogColumns;
import ai.pmoves.engine.migration.Checksum;
import ai.pmoves.engine.migration.NaturalOrder;
import ai.pmoves.engine.migration.SqlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The state of every seed file, for {@code status}: read without creating or changing anything. */
public final class SeedStatus {
    private SeedStatus() {
    }

    /** Scans the files and compares them with the seed table (hashing only the files that have a row). */
    public static List<SeedInfo> read(Connection connection, SeedSources sources, SeedTable table,
                                      CatalogColumns known) {
        List<SeedFile> files = SeedScanner.scan(sources, EngineLog.SILENT);
        String initPrefix = sources.initDirectory() == null ? null
                : SqlFiles.recordedPath(sources.baseDirectory(), sources.initDirectory().path()) + "/";
        return of(files, table.readAll(connection, known), sources.baseDirectory(), initPrefix);
    }

    /** The state of {@code files} against {@code rows}: see {@link #of(List, Map, Path, String)}. */
    public static List<SeedInfo> of(List<SeedFile> files, Map<String, SeedRow> rows, Path baseDirectory) {
        return of(files, rows, baseDirectory, null);
    }

    /**
     * The files in run order, then recorded paths whose file is gone. A row whose file exists but is filtered out or
     * outside the seed directories is left out: it is not this configuration's seed.
     */
    static List<SeedInfo> of(List<SeedFile> files, Map<String, SeedRow> rows, Path baseDirectory, String initPrefix) {
        List<SeedInfo> infos = new ArrayList<>(files.size());
        for (SeedFile file : files) {
            SeedRow row = rows.get(file.path());
            if (row == null) {
                infos.add(new SeedInfo(file.path(), SeedState.PENDING, file, null, null, file.initScript()));
            } else {
                String hash = Checksum.ofFile(file.file());
                infos.add(new SeedInfo(file.path(), hash.equals(row.hash()) ? SeedState.APPLIED : SeedState.CHANGED,
                        file, row, hash, file.initScript()));
            }
        }
        Set<String> scanned = files.stream().map(SeedFile::path).collect(Collectors.toSet());
        rows.values().stream()
                .filter(r -> !scanned.contains(r.path()) && !Files.exists(baseDirectory.resolve(r.path())))
                .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.path(), b.path()))
                .forEach(r -> infos.add(new SeedInfo(r.path(), SeedState.MISSING, null, r, null,
                        initPrefix != null && r.path().startsWith(initPrefix))));
        return List.copyOf(infos);
    }
}
