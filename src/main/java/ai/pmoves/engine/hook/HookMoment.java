package ai.pmoves.engine.hook;

import java.util.Arrays;
import java.util.stream.Collectors;

/** When a hook runs: its file is named for it, e.g. {@code afterMigrate.sql} or {@code afterMigrate__grants.sql}. */
public enum HookMoment {
    /** Before the first pending migration, once per run that has one. */
    BEFORE_MIGRATE("beforeMigrate"),
    /** Inside each migration's transaction, after its statements. */
    AFTER_EACH_MIGRATE("afterEachMigrate"),
    /** After the run's migrations and definitions. */
    AFTER_MIGRATE("afterMigrate"),
    /** After the seeds. */
    AFTER_SEED("afterSeed"),
    /** Inside each definition's transaction, after its statements. */
    AFTER_EACH_DEFINITION("afterEachDefinition"),
    /** After a run that failed, in its own transaction. */
    ON_ERROR("onError");

    private final String fileWord;

    HookMoment(String fileWord) {
        this.fileWord = fileWord;
    }

    /** The word a hook file is named with. */
    public String fileWord() {
        return fileWord;
    }

    /** The moment of a file named {@code moment.sql} or {@code moment__suffix.sql}; null for any other name. */
    static HookMoment ofFileName(String fileName) {
        String stem = fileName.substring(0, fileName.length() - ".sql".length());
        int suffix = stem.indexOf("__");
        String word = suffix < 0 ? stem : stem.substring(0, suffix);
        return Arrays.stream(values()).filter(m -> m.fileWord.equals(word)).findFirst().orElse(null);
    }

    static String allFileWords() {
        return Arrays.stream(values()).map(HookMoment::fileWord).collect(Collectors.joining(", "));
    }
}
