package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The {@code .sql} files directly inside a configured directory (DESIGN §3: a missing default directory is empty). */
public final class SqlFiles {
    private SqlFiles() {
    }

    /**
     * The {@code .sql} regular files directly inside {@code directory}, in no particular order.
     *
     * @param parameter  the name of the parameter that gave the directory, used in the error when it is missing
     * @param configured whether the user set the directory: a missing default directory just holds no files
     */
    public static List<Path> list(Path directory, String parameter, boolean configured) {
        if (!directoryExists(directory, parameter, configured)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                if (file.getFileName().toString().endsWith(".sql") && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new PmovesException("Cannot list " + parameter + " '" + directory + "': " + e.getMessage(), e);
        }
        return files;
    }

    /**
     * Whether {@code directory} exists; a configured one that does not is an error naming the parameter, since only
     * a default directory may be absent.
     */
    public static boolean directoryExists(Path directory, String parameter, boolean configured) {
        if (Files.isDirectory(directory)) {
            return true;
        }
        if (configured) {
            throw new PmovesException("The configured " + parameter + " '" + directory + "' does not exist or is not"
                    + " a directory: create it, or fix the path in <" + parameter + "> / -Dpmoves." + parameter + ".");
        }
        return false;
    }
}
