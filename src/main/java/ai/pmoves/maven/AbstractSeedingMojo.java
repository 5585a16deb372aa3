package ai.pmoves.maven;

import java.io.File;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What {@code seed} and {@code bootstrap} share beside the seed files: the psql variables they run the files with, and
 * the hooks. (A class apart from {@link AbstractScriptsMojo}, whose variables {@code apply} and {@code rollback} take,
 * because {@code status} reads the seed files too but runs none.)
 */
public abstract class AbstractSeedingMojo extends AbstractSeedFilesMojo {

    /**
     * Psql variables for the init scripts, migrations, definitions and seeds, as psql -v gives them: :'name' is the
     * value quoted as a literal, :"name" quoted as an identifier, :name the value as is. -Dpmoves.var.NAME=value adds
     * one or overrides it. Never printed.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> variables;

    /**
     * Psql variables whose values are secrets kept in settings.xml: each entry maps a variable's name to the id of a
     * server entry there, whose password, decrypted as for serverId, is the value. Never printed. Overrides an entry
     * of variables with the same name; -Dpmoves.var.NAME=value overrides both.
     *
     * @since 0.2.0
     */
    @Parameter
    protected Map<String, String> secretVariables;

    /**
     * Directory of the hooks: SQL files named for the moment they run at, with a __suffix for several
     * (afterSeed__grants.sql). seed runs the afterSeed ones after the seeds, even with no seed file; bootstrap runs
     * every moment: beforeMigrate, afterEachMigrate, afterEachDefinition, afterMigrate, afterSeed and onError.
     * Untracked: they run every time, under the lock. Default: supabase/hooks in the project directory, skipped when
     * missing.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.hooksDirectory")
    protected File hooksDirectory;

    protected AbstractSeedingMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

}
