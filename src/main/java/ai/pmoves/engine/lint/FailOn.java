package ai.pmoves.engine.lint;

import ai.pmoves.engine.PmovesException;
import java.util.Locale;

/** When {@code validate} fails the build: on any error (the default), on any finding, or never. */
public enum FailOn {
    ERROR,
    WARNING,
    NONE;

    /** Parses {@code error}, {@code warning} or {@code none}, any case; anything else is an error saying so. */
    public static FailOn parse(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (FailOn f : values()) {
            if (f.name().equals(v)) {
                return f;
            }
        }
        throw new PmovesException("failOn '" + value + "' (-Dpmoves.failOn) is not one of error, warning, none.");
    }

    /** Whether the report fails the build. */
    public boolean fails(LintReport report) {
        return switch (this) {
            case ERROR -> report.count(Severity.ERROR) > 0;
            case WARNING -> !report.findings().isEmpty();
            case NONE -> false;
        };
    }
}
