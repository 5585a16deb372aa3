package ai.pmoves.maven;

import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What {@code apply}, {@code rollback} and {@code test} share: the psql variables they run the migrations,
 * definitions, down scripts and pgTAP files with. ({@code seed} and {@code bootstrap} take the same parameters from
 * {@link AbstractSeedingMojo}, since they read the seed files too.)
 */
public abstract class AbstractScriptsMojo extends AbstractDatabaseMojo {

    /**
     * Psql variables for the files this goal runs (the migrations, definitions and down scripts; for test, the pgTAP
     * files), as psql -v gives them: :'name' is the value quoted as a literal, :"name" quoted as an identifier, :name
     * the value as is. -Dpmoves.var.NAME=value adds one or overrides it. Never printed.
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

    protected AbstractScriptsMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

}
