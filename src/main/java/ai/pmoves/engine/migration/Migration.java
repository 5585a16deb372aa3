package ai.pmoves.engine.migration;

import ai.pmoves.engine.Printable;

import java.nio.file.Path;

/**
 * A migration file found on disk: where it is and what its name says. Its contents are read by {@link MigrationScript}.
 *
 * @param origin where the file really is when it is a link out of the project ({@link SqlFiles#outsideProject}),
 *               else null
 */
public record Migration(Path file, MigrationName name, String origin) {

    /** A migration that is no link out of the project. */
    public Migration(Path file, MigrationName name) {
        this(file, name, null);
    }

    /** The file name, followed by where it really is when that is outside the project: what a log line shows. */
    public String shownName() {
        return Printable.of(origin == null ? fileName() : fileName() + " (" + origin + ")");
    }

    public String version() {
        return name.version();
    }

    public String fileName() {
        return name.fileName();
    }

    public String orderKey() {
        return name.orderKey();
    }
}
