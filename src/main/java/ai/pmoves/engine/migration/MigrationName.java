package ai.pmoves.engine.migration;

import ai.pmoves.engine.PmovesException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a migration's file name says: its recorded version and its place in the order (DESIGN §4).
 *
 * @param fileName    the file name, e.g. {@code 2025-09-08_geometry_bus.sql}
 * @param version     the history key: the digits as written ({@code 20250115000000}, {@code 20250115}), the same
 *                    as the Supabase CLI records, or for a dashed date the whole stem ({@code 2025-09-08_geometry_bus})
 *                    so same-day files never collide
 * @param orderKey    the prefix as a 14-digit UTC timestamp, shorter forms padded with zeros
 * @param description the part after the prefix, e.g. {@code geometry_bus}
 */
public record MigrationName(String fileName, String version, String orderKey, String description) {

    /** The three forms, shown in every naming error. */
    public static final String FORMS = "YYYYMMDDhhmmss_description.sql, YYYYMMDD_description.sql or "
            + "YYYY-MM-DD_description.sql (e.g. 20250115000000_service_catalog.sql, 20250115_persona_agent_creation.sql, "
            + "2025-09-08_geometry_bus.sql)";

    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{14})_(.+)\\.sql");
    private static final Pattern DATE = Pattern.compile("(\\d{8})_(.+)\\.sql");
    private static final Pattern DASHED = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})_(.+)\\.sql");
    private static final String ZEROS = "000000";
    private static final Pattern DIGITS_14 = Pattern.compile("\\d{14}");
    private static final Pattern DIGITS_8 = Pattern.compile("\\d{8}");
    private static final Pattern DASHED_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(_.*)?");

    /** Parses a file name, or explains which forms are accepted. */
    public static MigrationName parse(String fileName) {
        Matcher m = TIMESTAMP.matcher(fileName);
        if (m.matches()) {
            return checked(fileName, m.group(1), m.group(1), m.group(2));
        }
        m = DATE.matcher(fileName);
        if (m.matches()) {
            return checked(fileName, m.group(1), m.group(1) + ZEROS, m.group(2));
        }
        m = DASHED.matcher(fileName);
        if (m.matches()) {
            String digits = m.group(1) + m.group(2) + m.group(3);
            String stem = fileName.substring(0, fileName.length() - ".sql".length());
            return checked(fileName, stem, digits + ZEROS, m.group(4));
        }
        throw new PmovesException("Migration file name '" + fileName + "' fits none of the accepted forms: "
                + FORMS + ". Rename it, or move it out of the migrations directory.");
    }

    /** The order key of a recorded version whose file may be gone, or null when the version has no date in it. */
    public static String orderKeyOfVersion(String version) {
        if (DIGITS_14.matcher(version).matches()) {
            return version;
        }
        if (DIGITS_8.matcher(version).matches()) {
            return version + ZEROS;
        }
        if (DASHED_VERSION.matcher(version).matches()) {
            return version.substring(0, 4) + version.substring(5, 7) + version.substring(8, 10) + ZEROS;
        }
        return null;
    }

    private static MigrationName checked(String fileName, String version, String orderKey, String description) {
        int month = Integer.parseInt(orderKey.substring(4, 6));
        int day = Integer.parseInt(orderKey.substring(6, 8));
        int hour = Integer.parseInt(orderKey.substring(8, 10));
        int minute = Integer.parseInt(orderKey.substring(10, 12));
        int second = Integer.parseInt(orderKey.substring(12, 14));
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
            throw new PmovesException("Migration file name '" + fileName + "' has a prefix that is not a valid UTC date"
                    + " and time (" + orderKey.substring(0, 8) + " " + orderKey.substring(8) + "): use " + FORMS + ".");
        }
        return new MigrationName(fileName, version, orderKey, description);
    }
}
