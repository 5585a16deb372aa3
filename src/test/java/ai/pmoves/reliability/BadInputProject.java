package ai.pmoves.reliability;

import static ai.pmoves.engine.migration.ConfiguredDirectory.configured;

import ai.pmoves.engine.apply.ApplyOptions;
import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.bootstrap.BootstrapOptions;
import ai.pmoves.engine.bootstrap.Bootstrapper;
import ai.pmoves.engine.bootstrap.SupabaseCompat;
import ai.pmoves.engine.db.ConnectionSettings;
import ai.pmoves.engine.history.TableName;
import ai.pmoves.engine.rollback.Reverter;
import ai.pmoves.engine.rollback.RollbackOptions;
import ai.pmoves.engine.seed.SeedOptions;
import ai.pmoves.engine.seed.SeedSources;
import ai.pmoves.engine.seed.Seeder;
import ai.pmoves.testing.RecordingLog;
import ai.pmoves.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A project for the bad input corpus: two migrations with their down scripts, an init script and a seed, all applied
 * to the database once; each case writes one bad thing into a fresh copy and runs a goal through the engine. The
 * fields are the goals' parameters, for a case to set.
 */
final class BadInputProject {
    static final String HISTORY = "supabase_migrations.schema_migrations";

    final Path root;
    final TestPostgres.Database database;
    Path migrations;
    Path rollbacks;
    Path seeds;
    Path init;
    String historyTable = HISTORY;
    String seedTable = "supabase_migrations.seed_files";
    String url;
    String target;
    String baseline;
    Integer count;
    String rollbackTarget;
    final RecordingLog log = new RecordingLog();

    BadInputProject(Path root, TestPostgres.Database database) throws IOException {
        this.root = root;
        this.database = database;
        this.url = database.url();
        migrations = Files.createDirectories(root.resolve("supabase/migrations"));
        rollbacks = Files.createDirectories(root.resolve("supabase/rollbacks"));
        seeds = Files.createDirectories(root.resolve("db"));
        init = Files.createDirectories(root.resolve("supabase/initdb"));
        migration("20250101_accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY, email text);\n");
        migration("20250102_notes.sql", "CREATE TABLE notes (id int, body text);\nCREATE INDEX notes_id ON notes (id);\n");
        down("20250101_accounts.sql", "DROP TABLE accounts;\n");
        down("20250102_notes.sql", "DROP TABLE notes;\n");
        write(init.resolve("01_init.sql"), "CREATE TABLE IF NOT EXISTS settings (k text PRIMARY KEY, v text);\n");
        write(seeds.resolve("01_accounts.sql"), "INSERT INTO accounts VALUES (1, 'a@example.org');\n");
    }

    BadInputProject migration(String name, String sql) throws IOException {
        write(migrations.resolve(name), sql);
        return this;
    }

    BadInputProject down(String name, String sql) throws IOException {
        write(rollbacks.resolve(name), sql);
        return this;
    }

    BadInputProject seed(String name, String sql) throws IOException {
        write(seeds.resolve(name), sql);
        return this;
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    static void write(Path file, String text, Charset charset, byte... prefix) throws IOException {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        Files.write(file, all);
    }

    ConnectionSettings settings() {
        return ConnectionSettings.resolve(url, database.user(), database.password(), Map.of(), 5);
    }

    ApplyOptions applyOptions() {
        return ApplyOptions.of(configured(migrations))
                .withHistoryTable(TableName.parse(historyTable, "historyTable")).withTarget(target)
                .withBaseline(baseline).withLockTimeout(Duration.ofSeconds(5));
    }

    SeedOptions seedOptions() {
        return SeedOptions.of(SeedSources.in(root).withInitDirectory(configured(init))
                .withSeedDirectories(configured(seeds)))
                .withSeedTable(TableName.parse(seedTable, "seedTable"))
                .withHistoryTable(TableName.parse(historyTable, "historyTable")).withLockTimeout(Duration.ofSeconds(5));
    }

    void apply() {
        new Migrator(settings(), log).apply(applyOptions());
    }

    /** apply with strictFileNames=true: a .sql file whose name the Supabase CLI skips is refused, not skipped. */
    void applyStrictly() {
        ApplyOptions options = applyOptions();
        new Migrator(settings(), log).apply(ApplyOptions.of(options.migrationsDirectory().withStrictNames(true))
                .withHistoryTable(options.historyTable()).withTarget(target).withBaseline(baseline)
                .withLockTimeout(options.lockTimeout()));
    }

    void seed() {
        new Seeder(settings(), log).seed(seedOptions());
    }

    void rollback() {
        new Reverter(settings(), log).rollback(RollbackOptions.of(configured(migrations), configured(rollbacks))
                .withHistoryTable(TableName.parse(historyTable, "historyTable")).withCount(count)
                .withTarget(rollbackTarget).withLockTimeout(Duration.ofSeconds(5)));
    }

    void bootstrap() {
        new Bootstrapper(settings(), log).bootstrap(new BootstrapOptions(applyOptions(), seedOptions(),
                SupabaseCompat.OFF));
    }
}
