package ai.pmoves.engine.lint;

import ai.pmoves.engine.migration.MigrationName;
import ai.pmoves.engine.migration.NaturalOrder;
import ai.pmoves.engine.migration.SqlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lints the project's SQL files against the guide's best practices and troubleshooting (design.md: Goals):
 * reads every file once with the engine's lexer, then runs each enabled {@link Rule} over all of them. Needs no
 * database.
 */
public final class Linter {
    private Linter() {
    }

    /** Reads the directories and runs the rules; a configured directory that is missing, or an unknown rule id, throws. */
    public static LintReport lint(LintOptions options) {
        Set<String> disabled = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        disabled.addAll(options.disabledRules());
        List<Rule> rules = Rules.enabled(disabled);
        List<SourceFile> files = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            for (SourceDirectory directory : options.directories()) {
                if (directory.kind() == kind) {
                    files.addAll(read(directory, options.baseDirectory()));
                }
            }
            if (kind == SourceKind.SEED) {
                addSeedFiles(options, files);
            }
        }
        LintInput input = new LintInput(List.copyOf(files), options.supabaseRolesPrepared(), options.variables());
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            rule.check(input, findings);
        }
        return new LintReport(input.files(), rules, List.copyOf(disabled), List.copyOf(findings));
    }

    /** The seed files outside the directories, each once (a seed directory may hold one of them too). */
    private static void addSeedFiles(LintOptions options, List<SourceFile> files) {
        for (Path path : options.seedFiles()) {
            String name = displayName(path, options.baseDirectory());
            if (files.stream().noneMatch(f -> f.displayName().equals(name))) {
                files.add(SourceFile.read(SourceKind.SEED, path, name));
            }
        }
    }

    private static List<SourceFile> read(SourceDirectory source, Path base) {
        List<Path> paths = new ArrayList<>(SqlFiles.list(source.directory(), source.parameter()));
        paths.sort(source.kind() == SourceKind.MIGRATION ? Comparator.comparing(Linter::timeOrderKey)
                : Comparator.comparing(p -> p.getFileName().toString(), NaturalOrder.INSTANCE));
        List<SourceFile> files = new ArrayList<>(paths.size());
        for (Path path : paths) {
            files.add(SourceFile.read(source.kind(), path, displayName(path, base)));
        }
        return files;
    }

    /** Migrations in time order; a file whose name has no time (the file-name rule reports it) goes last. */
    private static String timeOrderKey(Path path) {
        String name = path.getFileName().toString();
        MigrationName migration = MigrationName.of(name);
        return migration == null ? "~/" + name : migration.orderKey() + "/" + name;
    }

    private static String displayName(Path path, Path base) {
        Path absolute = path.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
