package ai.pmoves.engine.seed;

import ai.pmoves.engine.EngineLog;
import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The seed files the Supabase CLI runs ({@code supabase db reset}, {@code db push --include-seed}): the
 * {@code [db.seed] sql_paths} of {@code supabase/config.toml}, {@code ./seed.sql} without one, each a path or a glob
 * relative to the {@code supabase} directory, in the listed order, the files of one glob in the CLI's byte order, a file
 * matched twice once. Globs are the CLI's: {@code *}, {@code ?} and {@code [...]} within one directory level.
 */
public final class SupabaseSeeds {
    private SupabaseSeeds() {
    }

    /**
     * The files, in the order they run.
     *
     * @param log where {@code enabled = false} and an entry that matches no file are reported
     */
    public static List<Path> find(Path supabaseDirectory, EngineLog log) {
        Path configToml = supabaseDirectory.resolve("config.toml");
        SupabaseSeedConfig config = SupabaseSeedConfig.read(configToml);
        if (!config.enabled()) {
            log.info(configToml + " has [db.seed] enabled = false: none of its sql_paths is seeded.");
            return List.of();
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String entry : config.sqlPaths()) {
            List<Path> matched = matches(supabaseDirectory, entry);
            if (matched.isEmpty() && config.listed()) {
                log.warn("[db.seed] sql_paths entry '" + entry + "' of " + configToml
                        + " matches no file: nothing is seeded from it.");
            }
            files.addAll(matched);
        }
        return List.copyOf(files);
    }

    private static List<Path> matches(Path supabaseDirectory, String entry) {
        String[] segments = entry.replace('\\', '/').split("/");
        int first = 0;
        while (first < segments.length && !isGlob(segments[first])) {
            first++;
        }
        Path base = supabaseDirectory.resolve(String.join("/", List.of(segments).subList(0, first))).normalize();
        if (first == segments.length) {
            return Files.isRegularFile(base) ? List.of(base) : List.of();
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        // the CLI's Go globs never cross a directory: ** is *
        String rest = String.join("/", List.of(segments).subList(first, segments.length)).replace("**", "*");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base, segments.length - first)) {
            walk.filter(Files::isRegularFile).filter(f -> matcher.matches(base.relativize(f))).forEach(found::add);
        } catch (IOException e) {
            throw new PmovesException("Cannot list " + Printable.of(base) + " for the [db.seed] sql_paths entry '"
                    + Printable.of(entry) + "': " + Printable.of(e.getMessage()), e);
        }
        // the CLI's order (Go's Glob: names compared byte by byte), so both run one glob's files alike
        found.sort(Comparator.comparing(f -> base.relativize(f).toString().replace('\\', '/')));
        return found;
    }

    private static boolean isGlob(String segment) {
        return segment.contains("*") || segment.contains("?") || segment.contains("[");
    }
}
