package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration's file name says: its recorded version and its place in the order. Every name the Supabase CLI
 * accepts ({@code ^([0-9]+)_(.*)\.sql$}) is a migration, and so is the dashed date {@code YYYY-MM-DD_desc.sql}.
 *
 * @param fileName    the file name, e.g. {@code 2025-09-08_geometry_bus.sql}
 * @param version     the history key: the digits as written ({@code 20250115000000}, {@code 0001}), the same as the
 *                    Supabase CLI records, or for a dashed date the whole stem ({@code 2025-09-08_geometry_bus}) so
 *                    same-day files never collide
 * @param orderKey    what the order compares as a string, as the CLI compares versions: the digits as written, or a
 *                    dashed date's 8 digits
 * @param description the part after the prefix, e.g. {@code geometry_bus}
 */
public record MigrationName(String fileName, String version, String orderKey, String description) {

    /** The accepted forms, shown in every naming error. */
    public static final String FORMS = "NNN_description.sql (digits, then an underscore, as the Supabase CLI accepts:"
            + " YYYYMMDDhhmmss_description.sql, YYYYMMDD_description.sql, 0001_description.sql) or"
            + " YYYY-MM-DD_description.sql (e.g. 20250115000000_service_catalog.sql, 2025-09-08_geometry_bus.sql)";

    /** The Supabase CLI's own pattern. */
    private static final Pattern DIGITS = Pattern.compile("([0-9]+)_(.*)\\.sql");
    private static final Pattern DASHED = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})_(.*)\\.sql");
    private static final Pattern JOINED_VERSION = Pattern.compile("([0-9]{8,14})[^0-9_A-Za-z](.+\\.sql)");
    private static final Pattern EMBEDDED_VERSION = Pattern.compile("(?:^|[^0-9])([0-9]{8,14}_.*\\.sql)$");
    private static final Pattern DIGIT_VERSION = Pattern.compile("[0-9]+");
    private static final Pattern DASHED_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(_.*)?");
    private static final int DATE_DIGITS = 8;
    private static final int TIMESTAMP_DIGITS = 14;
    private static final int FIRST_DATED_YEAR = 1900;
    private static final int LAST_DATED_YEAR = 2999;

    /** Parses a file name, or explains which forms are accepted. */
    public static MigrationName parse(String fileName) {
        MigrationName name = of(fileName);
        if (name == null) {
            throw new PmovesException("Migration file name '" + Printable.of(fileName) + "' fits none of the accepted"
                    + " forms: " + FORMS + ". Rename it, or move it out of the migrations directory.");
        }
        return name;
    }

    /** The name's parts, or null when {@code fileName} fits none of the forms (the Supabase CLI skips such a file). */
    public static MigrationName of(String fileName) {
        Matcher m = DIGITS.matcher(fileName);
        if (m.matches()) {
            return new MigrationName(fileName, m.group(1), m.group(1), m.group(2));
        }
        m = DASHED.matcher(fileName);
        if (m.matches()) {
            String stem = fileName.substring(0, fileName.length() - ".sql".length());
            return new MigrationName(fileName, stem, m.group(1) + m.group(2) + m.group(3), m.group(4));
        }
        return null;
    }

    /**
     * A name of the accepted forms for a {@code .sql} file that has none: a leading timestamp joined by another mark
     * gets the underscore ({@code 20250614222447-6ead0547.sql}, as Lovable names them, becomes
     * {@code 20250614222447_6ead0547.sql}); a name with a timestamp inside keeps it from there on
     * ({@code local_20240107152745_x.sql} becomes {@code 20240107152745_x.sql}); any other gets a timestamp to fill in
     * ({@code notes.sql} becomes {@code YYYYMMDDhhmmss_notes.sql}).
     */
    public static String suggestedFor(String fileName) {
        Matcher joined = JOINED_VERSION.matcher(fileName);
        if (joined.matches()) {
            return joined.group(1) + "_" + joined.group(2);
        }
        Matcher dated = EMBEDDED_VERSION.matcher(fileName);
        return dated.find() ? fileName.substring(dated.start(1)) : "YYYYMMDDhhmmss_" + fileName;
    }

    /** The order key of a recorded version whose file may be gone, or null when the version is neither form. */
    public static String orderKeyOfVersion(String version) {
        if (DIGIT_VERSION.matcher(version).matches()) {
            return version;
        }
        if (DASHED_VERSION.matcher(version).matches()) {
            return version.substring(0, 4) + version.substring(5, 7) + version.substring(8, 10);
        }
        return null;
    }

    /**
     * Why the prefix is not the UTC date (and time) it looks like, or null when it is one or does not look like one.
     * An 8- or 14-digit prefix, or a dashed date, looks like a date when its year is one of 1900 to 2999: others are
     * sequence numbers chosen to sort first or last ({@code 00000000000001}, {@code 10000000000000}). The order does not
     * depend on it: the digits order as they are.
     */
    public String impossibleDate() {
        String digits = orderKey;
        boolean dashed = !version.equals(orderKey);
        if (!dashed && digits.length() != DATE_DIGITS && digits.length() != TIMESTAMP_DIGITS) {
            return null;
        }
        int year = Integer.parseInt(digits.substring(0, 4));
        if (year < FIRST_DATED_YEAR || year > LAST_DATED_YEAR) {
            return null;
        }
        try {
            LocalDate.of(year, Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            return "its prefix " + (dashed ? version.substring(0, 10) : digits) + " is not a calendar date";
        }
        if (digits.length() == TIMESTAMP_DIGITS && (Integer.parseInt(digits.substring(8, 10)) > 23
                || Integer.parseInt(digits.substring(10, 12)) > 59 || Integer.parseInt(digits.substring(12, 14)) > 59)) {
            return "its prefix " + digits + " has no valid time of day (hhmmss " + digits.substring(8) + ")";
        }
        return null;
    }
}
