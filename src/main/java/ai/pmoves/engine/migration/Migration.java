package ai.pmoves.engine.migration;

import java.nio.file.Path;

/** A migration file found on disk: where it is and what its name says. Its contents are read by {@link MigrationScript}. */
public record Migration(Path file, MigrationName name) {

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
