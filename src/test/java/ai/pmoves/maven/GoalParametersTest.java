package ai.pmoves.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Each goal declares only the parameters it reads: the parameters a user can set, per goal, as the plugin descriptor
 * that maven-plugin-plugin writes (process-classes, before the tests) lists them for {@code mvn help:describe}.
 */
class GoalParametersTest {
    private static final List<String> CONNECTION = List.of("url", "user", "password", "serverId", "connectTimeout",
            "historyTable");
    private static final List<String> SEED_FILES = List.of("initDirectory", "seedDirectories", "seedIncludes",
            "seedExcludes", "seedTable");
    private static final List<String> RUNS_FILES = List.of("variables", "secretVariables");

    // strictFileNames comes with migrationsDirectory: every goal that lists the migrations reads the names the same way
    @Test
    void theGoalsThatNeverConnectListNoConnectionAndStartAndStopOnlyTheirServer() throws Exception {
        Map<String, Set<String>> goals = editableParameters();
        // start reads the files' directories for the extensions they create, which choose its engine
        assertEquals(names("skip", "engine", "postgresVersion", "postgresBin", "image", "serverPort", "instance",
                "propertyPrefix", "serverDirectory", "migrationsDirectory", "strictFileNames", "initDirectory", "seedDirectories",
                "seedIncludes", "seedExcludes", "definitionsDirectory", "testDirectory"),
                goals.get("start"));
        assertEquals(names("skip", "instance"), goals.get("stop"));
        assertEquals(names("skip", "migrationsDirectory", "strictFileNames", "rollbackDirectory", "definitionsDirectory", "name",
                "withRollback", "table", "author", "issue", "timestamp", "kind"), goals.get("new"));
        assertEquals(names("skip", "migrationsDirectory", "strictFileNames", "rollbackDirectory", "definitionsDirectory", "initDirectory",
                "seedDirectories", "variables", "secretVariables", "skipRules", "failOn"), goals.get("validate"));
    }

    @Test
    void theGoalsThatConnectListTheConnectionAndOnlyTheFilesTheyRead() throws Exception {
        Map<String, Set<String>> goals = editableParameters();
        assertEquals(connecting("migrationsDirectory", "strictFileNames", "markApplied", "markReverted", "realign", "clearFailed",
                "dryRun", "lockTimeout"), goals.get("repair"));
        assertEquals(connecting(SEED_FILES, "migrationsDirectory", "strictFileNames", "definitionsDirectory", "failOnPending",
                "failOnChanged"), goals.get("status"));
        assertEquals(connecting(RUNS_FILES, "migrationsDirectory", "strictFileNames", "rollbackDirectory", "count", "target", "force",
                "dryRun", "lockTimeout"), goals.get("rollback"));
        assertEquals(connecting(RUNS_FILES, "migrationsDirectory", "strictFileNames", "definitionsDirectory", "hooksDirectory", "target",
                "baseline", "outOfOrder", "dryRun", "lockTimeout", "notifyPostgrest", "plan", "migrationLockTimeout",
                "migrationLockRetries"), goals.get("apply"));
        // seed reads no migration, but takes migrationsDirectory from the base every goal that reads the files shares
        assertEquals(connecting(concat(SEED_FILES, RUNS_FILES), "migrationsDirectory", "strictFileNames", "hooksDirectory", "seedMode",
                "lockTimeout"), goals.get("seed"));
        assertEquals(connecting(concat(SEED_FILES, RUNS_FILES), "migrationsDirectory", "strictFileNames", "definitionsDirectory",
                "hooksDirectory", "seedMode", "lockTimeout", "supabaseCompat", "target", "baseline", "outOfOrder",
                "dryRun", "notifyPostgrest", "grantSchemaUsage"), goals.get("bootstrap"));
        // test reads no migration either: migrationsDirectory comes from the same base
        assertEquals(connecting(RUNS_FILES, "migrationsDirectory", "strictFileNames", "testDirectory", "reportsDirectory",
                "testFailureIgnore", "skipTests"), goals.get("test"));
    }

    @Test
    void testAnswersToSurefiresPropertiesForFailuresAndSkipping() throws Exception {
        assertEquals("${maven.test.failure.ignore}", parameter("test", "testFailureIgnore").get("expression"));
        assertEquals("${skipTests}", parameter("test", "skipTests").get("expression"));
        assertEquals("${pmoves.testDirectory}", parameter("test", "testDirectory").get("expression"));
    }

    @Test
    void skipRulesStillAnswersToItsOldNameRules() throws Exception {
        assertEquals("rules", parameter("validate", "skipRules").get("alias"));
        assertEquals("${pmoves.skipRules}", parameter("validate", "skipRules").get("expression"));
    }

    private static Set<String> connecting(String... own) {
        return connecting(List.of(), own);
    }

    private static Set<String> connecting(List<String> shared, String... own) {
        Set<String> names = names(own);
        names.add("skip");
        names.addAll(CONNECTION);
        names.addAll(shared);
        return names;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static Set<String> names(String... names) {
        return new TreeSet<>(List.of(names));
    }

    /** goal → the names of the parameters a user can set (not the read-only ones Maven fills in). */
    private static Map<String, Set<String>> editableParameters() throws Exception {
        Map<String, Set<String>> goals = new TreeMap<>();
        for (Element mojo : elements(plugin().getElementsByTagName("mojo"))) {
            Set<String> editable = new TreeSet<>();
            for (Element parameter : elements(mojo.getElementsByTagName("parameter"))) {
                if (!"false".equals(text(parameter, "editable"))) {
                    editable.add(text(parameter, "name"));
                }
            }
            goals.put(text(mojo, "goal"), editable);
        }
        return goals;
    }

    /** The parameter's alias and the expression of its property, as the descriptor gives them. */
    private static Map<String, String> parameter(String goal, String name) throws Exception {
        for (Element mojo : elements(plugin().getElementsByTagName("mojo"))) {
            if (goal.equals(text(mojo, "goal"))) {
                Map<String, String> found = new TreeMap<>();
                for (Element parameter : elements(mojo.getElementsByTagName("parameter"))) {
                    if (name.equals(text(parameter, "name"))) {
                        found.put("alias", text(parameter, "alias"));
                    }
                }
                for (Element configured : elements(mojo.getElementsByTagName(name))) {
                    found.put("expression", configured.getTextContent().trim());
                }
                return found;
            }
        }
        throw new AssertionError("no goal " + goal);
    }

    private static Element plugin() throws Exception {
        try (InputStream in = GoalParametersTest.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/plugin.xml")) {
            assertNotNull(in, "plugin.xml is missing: maven-plugin-plugin writes it at process-classes");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
