package ai.pmoves.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Eclipse imports a project that binds any goal cleanly: the m2e metadata maps every goal of the descriptor. */
class M2eLifecycleMappingTest {

    @Test
    void everyGoalHasAnM2eActionAndOnlyValidateRunsInTheIde() throws Exception {
        Document m2e = read("META-INF/m2e/lifecycle-mapping-metadata.xml");
        List<String> executed = new ArrayList<>();
        List<String> mapped = new ArrayList<>();
        NodeList executions = m2e.getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            List<String> goals = texts(execution, "goal");
            mapped.addAll(goals);
            if (execution.getElementsByTagName("execute").getLength() > 0) {
                executed.addAll(goals);
            }
        }
        assertEquals(goals(read("META-INF/maven/plugin.xml")), new TreeSet<>(mapped));
        assertEquals(List.of("validate"), executed);
    }

    /** The goals of the plugin descriptor: each mojo's own goal element (the help goal's parameters have one too). */
    private static TreeSet<String> goals(Document plugin) {
        TreeSet<String> goals = new TreeSet<>();
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            NodeList children = mojos.item(i).getChildNodes();
            for (int c = 0; c < children.getLength(); c++) {
                if (children.item(c) instanceof Element e && e.getTagName().equals("goal")) {
                    goals.add(e.getTextContent().trim());
                }
            }
        }
        return goals;
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    private static Document read(String resource) throws Exception {
        try (InputStream in = M2eLifecycleMappingTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
