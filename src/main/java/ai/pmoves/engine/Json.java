package ai.pmoves.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Writes a report, creating its directory ({@code target/pmoves/}) when needed. */
    public static void write(Path file, String json) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PmovesException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
