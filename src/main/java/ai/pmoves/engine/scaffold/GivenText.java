package ai.pmoves.engine.scaffold;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;

/**
 * The words {@code pmoves:new} is given to write into a new file or its name (the name, author, issue, table and
 * timestamp), checked before anything is written; a refusal names the parameter and says what to give instead.
 */
final class GivenText {
    private GivenText() {
    }

    /**
     * Refuses {@code value} when it holds a control character. The template writes the author and the issue into
     * {@code --} comment lines: a line break there would end the comment and put the rest of the value in the file as
     * SQL that runs ({@code -Dpmoves.author=$'me\ndrop table a;'}). No other value needs one either.
     *
     * @param what      what the value is, e.g. {@code author}
     * @param parameter its parameter, e.g. {@code author} for {@code pmoves.author}
     * @param example   a value to give instead, e.g. {@code "Ada Lovelace"}
     */
    static void refuseControlCharacters(String what, String value, String parameter, String example) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Printable.isControl(value.charAt(i))) {
                throw refuse(what, value, parameter, describe(value.charAt(i)) + " cannot be part of it: pmoves:new"
                        + " writes it into the new migration or its name, where a line break would end a comment and"
                        + " run the rest as SQL. Give it on one line, without control characters, e.g. -Dpmoves."
                        + parameter + "=" + example + ". Nothing was written");
            }
        }
    }

    /** How a character that cannot be used is named in a refusal. */
    static String describe(char c) {
        if (Printable.isControl(c)) {
            return String.format("the control character U+%04X", (int) c);
        }
        return c > 0x7f ? "'" + c + "' (not ASCII)" : "'" + c + "'";
    }

    /** {@code The what 'value' (pmoves.parameter) cannot be used: why.}, the value shown on one line. */
    static PmovesException refuse(String what, String value, String parameter, String why) {
        return new PmovesException("The " + what + " '" + Printable.of(value) + "' (pmoves." + parameter + ") cannot be"
                + " used: " + why + ".");
    }
}
