package ai.pmoves.engine.lint;

import static ai.pmoves.engine.migration.ConfiguredDirectory.byDefault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A project folder of SQL files, linted as {@code pmoves:validate} lints one. */
final class LintFixture {
    final Path project;
    boolean rolesPrepared;
    Set<String> disabled = Set.of();
    Set<String> variables = Set.of();

    LintFixture(Path project) {
        this.project = project;
    }

    /** Writes {@code supabase/migrations/<name>}. */
    LintFixture migration(String name, String sql) throws IOException {
        return file("supabase/migrations", name, sql);
    }

    LintFixture file(String directory, String name, String sql) throws IOException {
        Path dir = Files.createDirectories(project.resolve(directory));
        Files.writeString(dir.resolve(name), sql);
        return this;
    }

    LintReport lint() {
        return Linter.lint(LintOptions.of(project, List.of(
                        new SourceDirectory(SourceKind.MIGRATION, byDefault(project.resolve("supabase/migrations")),
                                "migrationsDirectory"),
                        new SourceDirectory(SourceKind.INIT, byDefault(project.resolve("supabase/initdb")),
                                "initDirectory"),
                        new SourceDirectory(SourceKind.DEFINITION, byDefault(project.resolve("supabase/definitions")),
                                "definitionsDirectory"),
                        new SourceDirectory(SourceKind.SEED, byDefault(project.resolve("db")), "seedDirectories"),
                        new SourceDirectory(SourceKind.ROLLBACK, byDefault(project.resolve("supabase/rollbacks")),
                                "rollbackDirectory")))
                .withDisabledRules(disabled).withSupabaseRolesPrepared(rolesPrepared).withVariables(variables));
    }

    /** Each finding as {@code rule@file:line:column message}, the shape the assertions read best in. */
    List<String> findings() {
        return lint().findings().stream().map(f -> f.rule().id() + "@" + f.location() + " " + f.message()).toList();
    }

    /** The findings of one rule, as {@code line:column message}. */
    List<String> findings(String rule) {
        return lint().findings().stream().filter(f -> f.rule().id().equals(rule))
                .map(f -> (f.line() == 0 ? f.file() : f.line() + ":" + f.column()) + " " + f.message()).toList();
    }
}
