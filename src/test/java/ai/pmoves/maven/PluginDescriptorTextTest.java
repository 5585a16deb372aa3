package ai.pmoves.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The text {@code mvn help:describe -Ddetail} and {@code mvn pmoves:help -Ddetail} show: the descriptors
 * maven-plugin-plugin writes from the mojos' javadoc (process-classes, before the tests). Those tools read a
 * description as HTML, so an angle bracket makes a word vanish, and the javadoc converter cuts a {@code {@code …}}
 * holding braces at the first one.
 */
class PluginDescriptorTextTest {
    private static final String PLUGIN_XML = "META-INF/maven/plugin.xml";
    private static final String HELP_XML = "META-INF/maven/ai.pmoves/pmoves-maven-plugin/plugin-help.xml";
    private static final Pattern BROKEN = Pattern.compile("[<>]|\\{@|\\$\\{[^}]*/|_\\.sql");

    @Test
    void noDescriptionHasTextThatTheHelpToolsMangle() throws Exception {
        for (String descriptor : List.of(PLUGIN_XML, HELP_XML)) {
            List<String> broken = new ArrayList<>();
            descriptions(descriptor).forEach((where, text) -> {
                boolean ours = !where.equals("help") && !where.startsWith("help."); // help: maven-plugin-plugin's text
                if (ours && BROKEN.matcher(text).find()) {
                    broken.add(where + ": " + text);
                }
            });
            assertEquals(List.of(), broken, descriptor);
        }
    }

    @Test
    void theParametersTheHelpUsedToGarbleReadAsWritten() throws Exception {
        Map<String, String> text = descriptions(PLUGIN_XML);
        assertTrue(text.get("apply.serverId").startsWith("The id of a server entry in settings.xml"),
                text.get("apply.serverId"));
        assertTrue(text.get("rollback.rollbackDirectory").contains("Default: supabase/rollbacks in the project directory"),
                text.get("rollback.rollbackDirectory"));
        assertTrue(text.get("seed.initDirectory").contains("Default: supabase/initdb in the project directory"),
                text.get("seed.initDirectory"));
        assertTrue(text.get("seed.seedDirectories").contains("Default: db in the project directory"),
                text.get("seed.seedDirectories"));
        for (String goal : List.of("seed", "bootstrap", "status", "validate")) {
            assertTrue(text.get(goal + ".seedDirectories").contains("[db.seed] sql_paths of supabase/config.toml"),
                    text.get(goal + ".seedDirectories"));
        }
        assertTrue(text.get("new").contains("supabase/migrations/TIMESTAMP_NAME.sql"), text.get("new"));
    }

    @Test
    void everyGoalAndEveryParameterSaysSinceWhen() throws Exception {
        Document plugin = read(PLUGIN_XML);
        List<String> undated = new ArrayList<>();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal");
            if (goal.equals("help")) {
                continue; // written by maven-plugin-plugin
            }
            if (!"0.1.0".equals(child(mojo, "since"))) {
                undated.add(goal);
            }
            for (Element parameter : editableParameters(mojo)) {
                if (!List.of("0.1.0", "0.2.0").contains(child(parameter, "since"))) {
                    undated.add(goal + "." + child(parameter, "name"));
                }
            }
        }
        assertEquals(List.of(), undated);
    }

    @Test
    void thePluginHasAHelpGoal() throws Exception {
        assertNotNull(descriptions(PLUGIN_XML).get("help"));
        assertNotNull(getClass().getClassLoader().loadClass("ai.pmoves.maven.HelpMojo"));
    }

    /** goal → its description, and goal.parameter → the description of each parameter a user can set. */
    private static Map<String, String> descriptions(String descriptor) throws Exception {
        Map<String, String> text = new LinkedHashMap<>();
        NodeList mojos = read(descriptor).getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal");
            text.put(goal, child(mojo, "description"));
            for (Element parameter : editableParameters(mojo)) {
                text.put(goal + "." + child(parameter, "name"), child(parameter, "description"));
            }
        }
        return text;
    }

    private static List<Element> editableParameters(Element mojo) {
        List<Element> editable = new ArrayList<>();
        NodeList parameters = mojo.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if (!"false".equals(child(parameter, "editable"))) {
                editable.add(parameter);
            }
        }
        return editable;
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Document read(String resource) throws Exception {
        try (InputStream in = PluginDescriptorTextTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing: maven-plugin-plugin writes it at process-classes");
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
