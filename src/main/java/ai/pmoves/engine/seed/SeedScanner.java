package ai.pmoves.engine.seed;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.migration.ConfiguredDirectory;
import ai.pmoves.engine.migration.NaturalOrder;
import ai.pmoves.engine.migration.SqlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the seed files: the init scripts, then each seed directory, each in natural order, then the Supabase CLI's
 * seed files ({@link SupabaseSeeds}); {@code seedIncludes} and {@code seedExcludes} filter the seeds only.
 */
public final class SeedScanner {
    private SeedScanner() {
    }

    /**
     * The files that count, in the order they run. A file reached twice (a directory listed twice) counts once.
     *
     * @param log where a skipped default directory and an include that matched nothing are reported
     */
    public static List<SeedFile> scan(SeedSources sources, EngineLog log) {
        Map<String, SeedFile> files = new LinkedHashMap<>();
        if (sources.initDirectory() != null) {
            // includes and excludes choose seeds: every init script runs
            addDirectory(sources.initDirectory(), "initDirectory", sources,
                    new SeedFilter(List.of(), List.of()), true, files, log);
        }
        if (sources.seedDirectories().isEmpty() && sources.supabaseDirectory() == null) {
            return List.copyOf(files.values());
        }
        SeedFilter filter = new SeedFilter(sources.includes(), sources.excludes());
        for (ConfiguredDirectory directory : sources.seedDirectories()) {
            addDirectory(directory, "seedDirectories", sources, filter, false, files, log);
        }
        if (sources.supabaseDirectory() != null) {
            for (Path file : SupabaseSeeds.find(sources.supabaseDirectory(), log)) {
                add(file, sources, filter, false, files);
            }
        }
        for (String glob : filter.unmatchedIncludes()) {
            log.warn("seedIncludes pattern '" + glob + "' matches no seed file" + (glob.contains("/")
                    ? " (a pattern with a / is matched against the path from the project directory, e.g. db/v5_12_*.sql)"
                    : " (a pattern without a / is matched against the file name, e.g. v5_12_*.sql)") + ".");
        }
        return List.copyOf(files.values());
    }

    private static void addDirectory(ConfiguredDirectory configured, String parameter, SeedSources sources,
                                     SeedFilter filter, boolean initScripts, Map<String, SeedFile> files,
                                     EngineLog log) {
        Path directory = configured.path();
        if (!configured.exists(parameter)) {
            log.debug("No " + directory + " (default " + parameter + "): skipped.");
            return;
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            list.filter(f -> Files.isRegularFile(f) || SqlFiles.isSqlFile(f, parameter)).forEach(found::add);
        } catch (IOException e) {
            throw new PmovesException("Cannot list " + parameter + " '" + Printable.of(directory) + "': "
                    + Printable.of(e.getMessage()), e);
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        for (Path file : found) {
            add(file, sources, filter, initScripts, files);
        }
    }

    private static void add(Path file, SeedSources sources, SeedFilter filter, boolean initScript,
                            Map<String, SeedFile> files) {
        SeedFile seed = new SeedFile(file, SqlFiles.recordedPath(sources.baseDirectory(), file), initScript);
        if (filter.accepts(seed)) {
            files.putIfAbsent(seed.path(), seed);
        }
    }

}
