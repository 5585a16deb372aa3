package ai.pmoves.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/** JSON string literals for the hand-written reports (status.json, validate.json): a few fields need no library. */
public final class Json {
    private Json() {
    }

    /** {@code s} as a JSON string literal, or {@code null}. */
    public static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * {@code t} as ISO_LOCAL_DATE_TIME writes it ({@code 2025-01-02T03:04:05.123}: seconds always, the fraction
     * without trailing zeros), as a string literal. By hand: the formatter's cold path costs a tenth of a second over
     * a status of 10,000 migrations.
     */
    public static String localDateTime(LocalDateTime t) {
        if (t == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(32).append('"').append(t.toLocalDate()).append('T');
        twoDigits(sb, t.getHour()).append(':');
        twoDigits(sb, t.getMinute()).append(':');
        twoDigits(sb, t.getSecond());
        if (t.getNano() != 0) {
            String nanos = Integer.toString(1_000_000_000 + t.getNano()).substring(1); // nine digits
            int end = nanos.length();
            while (nanos.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(nanos, 0, end);
        }
        return sb.append('"').toString();
    }

    private static StringBuilder twoDigits(StringBuilder sb, int value) {
        return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Writes a report, creating its directory ({@code target/pmoves/}) when needed. */
    public static void write(Path file, String json) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PmovesException("Cannot write " + Printable.of(file) + ": " + Printable.of(e.getMessage()), e);
        }
    }
}
