package ai.pmoves.engine.lint;

import java.util.Locale;

/** How bad a finding is: an error is a statement or file that fails, or runs twice; a warning is a risk. */
public enum Severity {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as the report and the JSON show it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
