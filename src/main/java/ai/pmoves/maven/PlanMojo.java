package ai.pmoves.maven;

import ai.pmoves.engine.apply.Migrator;
import ai.pmoves.engine.apply.PlanMode;
import ai.pmoves.engine.schema.SchemaFilter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Makes a release plan: what pmoves:apply would run against the database, written for review and for a later apply of
 * exactly that. It reads the history and the schema and changes nothing. It writes target/pmoves/plan.sql, the SQL in
 * the order it runs, with its transactions, hooks and definitions (psql variables substituted, the secret ones left as
 * :'name'), and target/pmoves/plan.json, the plan itself: each migration and definition with its checksum and
 * statements, and fingerprints of the history and the schema it was made against. plan.json is attached to the
 * project (type json, classifier pmoves-plan), so mvn deploy publishes it with the release; a deploy job then runs it
 * with mvn pmoves:apply -Dpmoves.plan=plan.json, which refuses it if anything moved since. For example:
 * <pre>mvn pmoves:plan -Dpmoves.url=jdbc:postgresql://db.example.com:5432/postgres -Dpmoves.serverId=prod-db</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractApplyMojo {

    /**
     * The schemas the plan's schema snapshot leaves out, as a comma list, as for pmoves:drift (give both the same
     * list). Default: the Supabase platform's schemas. The apply of the plan reads the same ones, which the plan
     * records.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.driftSchemas")
    protected String driftSchemas;

    /**
     * Above how many rows on the target a lock hazard of a planned statement (as validate's hazard rules find them,
     * and lock-timeout-unset: AccessExclusiveLock on a table with rows, with no lock timeout) stops the plan; below,
     * it is a warning. The findings also go to target/pmoves-reports/TEST-pmoves.plan.xml.
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.largeTableRows", defaultValue = "100000")
    protected long largeTableRows;

    /**
     * Rules the plan does not judge, as a comma list, as validate's skipRules (lock-timeout-unset among them).
     *
     * @since 0.2.0
     */
    @Parameter(property = "pmoves.skipRules")
    protected String skipRules;

    /** The project the plan is attached to. */
    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    /** The classifier plan.json is attached with. */
    static final String CLASSIFIER = "pmoves-plan";

    private final MavenProjectHelper projectHelper;

    @Inject
    public PlanMojo(SettingsDecrypter settingsDecrypter, MavenProjectHelper projectHelper) {
        super(settingsDecrypter);
        this.projectHelper = projectHelper;
    }

    @Override
    protected void run() {
        Path planFile = reportPath("plan.json");
        new Migrator(connectionSettings().withVariables(psqlVariables(variables, secretVariables)), engineLog())
                .apply(applyOptions().withPlanMode(PlanMode.write(planFile, pluginVersion(), driftSchemas == null
                        ? SchemaFilter.platformExcluded() : SchemaFilter.excluding(CommaList.of(driftSchemas)))
                        .withHazards(new PlanMode.Hazards(largeTableRows, new LinkedHashSet<>(CommaList.of(skipRules)),
                                buildDirectory.toPath().resolve("pmoves-reports").resolve("TEST-pmoves.plan.xml")))));
        if (project != null) {
            projectHelper.attachArtifact(project, "json", CLASSIFIER, planFile.toFile());
        }
    }
}
