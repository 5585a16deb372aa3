package ai.pmoves.engine.lint;

/**
 * The role a linted file plays, in the order the files run (design.md: Files, names and order): init scripts,
 * migrations, seeds; then down scripts.
 */
public enum SourceKind {
    INIT("init script"),
    MIGRATION("migration"),
    /** Files that run again whenever they change: a statement that cannot run twice matters most here. */
    DEFINITION("definition"),
    SEED("seed"),
    ROLLBACK("down script");

    private final String noun;

    SourceKind(String noun) {
        this.noun = noun;
    }

    /** {@code migration}, {@code init script}, …, for report lines. */
    public String noun() {
        return noun;
    }
}
