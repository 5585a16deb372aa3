package ai.pmoves.engine.lint;

import static ai.pmoves.engine.Json.string;

import ai.pmoves.engine.Json;
import java.nio.file.Path;

/**
 * Writes {@code validate.json}: {@code {"files": {"migrations", "definitions", "init", "seeds", "rollbacks"},
 * "disabledRules": […], "findings": [{"rule", "severity", "file", "line", "column", "message", "why", "fix"}],
 * "summary": {"errors", "warnings"}}}, each kind of file counted, zero included. {@code line} and {@code column} are
 * null for a finding about a whole file (its name).
 */
public final class LintJson {
    private LintJson() {
    }

    public static String toJson(LintReport report) {
        StringBuilder sb = new StringBuilder(256 + report.findings().size() * 300);
        sb.append("{\n  \"files\": {\"migrations\": ").append(report.count(SourceKind.MIGRATION))
                .append(", \"definitions\": ").append(report.count(SourceKind.DEFINITION))
                .append(", \"init\": ").append(report.count(SourceKind.INIT))
                .append(", \"seeds\": ").append(report.count(SourceKind.SEED))
                .append(", \"rollbacks\": ").append(report.count(SourceKind.ROLLBACK)).append("},\n");
        sb.append("  \"disabledRules\": [");
        for (int i = 0; i < report.disabled().size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(string(report.disabled().get(i)));
        }
        sb.append("],\n  \"findings\": [");
        String sep = "\n";
        for (Finding f : report.findings()) {
            sb.append(sep).append("    {\"rule\": ").append(string(f.rule().id()))
                    .append(", \"severity\": ").append(string(f.rule().severity().label()))
                    .append(", \"file\": ").append(string(f.file()))
                    .append(", \"line\": ").append(f.line() == 0 ? "null" : Integer.toString(f.line()))
                    .append(", \"column\": ").append(f.line() == 0 ? "null" : Integer.toString(f.column()))
                    .append(", \"message\": ").append(string(f.message()))
                    .append(", \"why\": ").append(string(f.rule().why()))
                    .append(", \"fix\": ").append(string(f.fix())).append('}');
            sep = ",\n";
        }
        sb.append(report.findings().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"summary\": {\"errors\": ").append(report.count(Severity.ERROR))
                .append(", \"warnings\": ").append(report.count(Severity.WARNING)).append("}\n}\n");
        return sb.toString();
    }

    public static void write(LintReport report, Path file) {
        Json.write(file, toJson(report));
    }
}
