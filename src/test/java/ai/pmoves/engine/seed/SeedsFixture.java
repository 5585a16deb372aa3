package ai.pmoves.engine.seed;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;

import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A project with supabase/initdb and db folders, and a fresh database of its own, for seed tests. */
final class SeedsFixture {
    static final TableName SEED_TABLE = TableName.parse("supabase_migrations.seed_files", "seedTable");
    static final TableName HISTORY = TableName.parse("supabase_migrations.schema_migrations", "historyTable");

    final Path project;
    final TestPostgres.Database database;
    RecordingLog log = new RecordingLog();

    SeedsFixture(Path project, String name) {
        this.project = project;
        this.database = TestPostgres.newDatabase(name);
    }

    /** Writes {@code sql} to {@code path} under the project, e.g. {@code db/v5_12_seed.sql}. */
    SeedsFixture file(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
        return this;
    }

    SeedSources sources() {
        return sources(List.of(), List.of());
    }

    SeedSources sources(List<String> includes, List<String> excludes) {
        return SeedSources.in(project)
                .withInitDirectory(byDefault(project.resolve("supabase/initdb")))
                .withSeedDirectories(byDefault(project.resolve("db"))).withIncludes(includes)
                .withExcludes(excludes);
    }

    SeedOptions options(SeedMode mode) {
        return options(sources(), mode);
    }

    SeedOptions options(SeedSources sources, SeedMode mode) {
        return SeedOptions.of(sources).withMode(mode).withLockTimeout(Duration.ofSeconds(5));
    }

    ConnectionSettings settings() {
        return ConnectionSettings.resolve(database.url(), database.user(), database.password(), Map.of(), 5);
    }

    Seeder seeder() {
        return new Seeder(settings(), log);
    }

    SeedResult seed() {
        return seed(SeedMode.CHANGED);
    }

    SeedResult seed(SeedMode mode) {
        return seeder().seed(options(mode));
    }

    /** The recorded paths, in path order. */
    List<String> recorded() throws SQLException {
        return database.column("SELECT path FROM supabase_migrations.seed_files ORDER BY path");
    }
}
