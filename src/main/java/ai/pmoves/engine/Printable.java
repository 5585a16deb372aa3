package ai.pmoves.engine;

/**
 * Names as a log line or an error message shows them. A file name, a path or a relation name comes from the project
 * or the database, and on Linux a file name may hold a line break: printed raw, {@code x.sql\n[ERROR] …} would put a
 * forged line into the build's log, and an escape sequence would rewrite the terminal. So every control character is
 * shown escaped, the name stays on its one line, and the rest of the text is left as it is.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * {@code value} as text with its control characters escaped: a line feed as backslash-n, a carriage return as
     * backslash-r, a tab as backslash-t, the others by their code (ESC as backslash-u001b). A backslash is left alone,
     * so a Windows path reads as it is written, and escaping twice changes nothing.
     */
    public static String of(Object value) {
        String text = String.valueOf(value);
        int first = 0;
        while (first < text.length() && !isControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (isControl(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /**
     * Whether {@code c} is a control character: U+0000 to U+001F, U+007F to U+009F, and the Unicode line and
     * paragraph separators, which some viewers also break lines at.
     */
    public static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
