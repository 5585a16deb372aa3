package ai.pmoves.engine.lint;

/**
 * One problem a rule found.
 *
 * @param rule    the rule that found it (its id, severity and why)
 * @param file    the file, relative to the project when it is inside it
 * @param line    1-based line, or 0 when the finding is about the file as a whole (its name)
 * @param column  1-based column, or 0 with line 0
 * @param message what is wrong here, naming the statement or object
 * @param fix     how to fix it here: the rule's fix, or one made for this case
 */
public record Finding(Rule rule, String file, int line, int column, String message, String fix) {

    /** {@code file:line:column}, or the file alone for a finding about the file. */
    public String location() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
