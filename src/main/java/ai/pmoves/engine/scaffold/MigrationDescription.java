package ai.pmoves.engine.scaffold;

import ai.pmoves.engine.PmovesException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code pmoves:new} is told to call a migration, checked so it makes a file name that works on every system and
 * in git: {@code "add feature x"} becomes the description {@code add_feature_x}.
 *
 * @param text the name as given, trimmed, with runs of spaces made one (for the header and the table comment)
 * @param slug the description in the file name: lower case, words joined by {@code _}
 */
public record MigrationDescription(String text, String slug) {
    /** Long enough for any description, short enough for every file system and for PostgreSQL identifiers made of it. */
    static final int MAX_LENGTH = 100;

    private static final Pattern TIMESTAMP_PREFIX = Pattern.compile("(\\d{14}|\\d{8}|\\d{4}-\\d{2}-\\d{2})[_ -].*");

    /** Checks and converts a name; refuses, with the reason, one that would not make a good file name. */
    public static MigrationDescription of(String name) {
        if (name == null) {
            throw new PmovesException("No migration name was given: say what the migration does, e.g. mvn pmoves:new"
                    + " -Dpmoves.name=\"add feature x\".");
        }
        // Spaces only: a tab or a line break is refused below with the other control characters, never made a space
        String text = name.replaceAll("^ +| +$", "").replaceAll(" {2,}", " ");
        if (text.isEmpty()) {
            throw refuse(name, "it is empty. Say what the migration does, e.g. -Dpmoves.name=\"add feature x\"");
        }
        if (text.toLowerCase(Locale.ROOT).endsWith(".sql") || TIMESTAMP_PREFIX.matcher(text).matches()) {
            throw refuse(name, "give only the description: pmoves:new adds the UTC timestamp and .sql itself"
                    + " (e.g. -Dpmoves.name=\"add feature x\")");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '_' || c == '-')) {
                throw refuse(name, GivenText.describe(c) + " cannot be part of a migration file name: use letters"
                        + " a-z, digits, spaces, - and _ (the name must work on every system and in git)");
            }
        }
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[ _-]+", "_").replaceAll("^_|_$", "");
        if (slug.isEmpty()) {
            throw refuse(name, "it has no letters or digits. Say what the migration does, e.g. -Dpmoves.name=\"add feature x\"");
        }
        if (slug.length() > MAX_LENGTH) {
            throw refuse(name, "it is " + slug.length() + " characters long; keep it to " + MAX_LENGTH
                    + " (the file name, not the migration, says what it does)");
        }
        return new MigrationDescription(text, slug);
    }

    private static PmovesException refuse(String name, String why) {
        return GivenText.refuse("migration name", name, "name", why);
    }
}
