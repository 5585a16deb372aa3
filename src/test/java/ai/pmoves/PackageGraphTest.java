package ai.pmoves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The architecture as the compiled classes have it, read with the JDK's jdeps (the same command anyone can run:
 * {@code jdeps -verbose:package target/classes}): the engine's packages form layers with no cycle, and the engine
 * never reaches into Maven or into the mojos.
 */
class PackageGraphTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");
    private static final Map<String, Set<String>> GRAPH = readGraph();

    @Test
    void theEnginesPackagesHaveNoCycle() {
        List<String> cycle = findCycle();
        assertEquals(List.of(), cycle, "a cycle between the engine's packages: " + String.join(" -> ", cycle));
    }

    @Test
    void theEngineNeverUsesMavenOrTheMojos() {
        List<String> wrong = new ArrayList<>();
        GRAPH.forEach((from, targets) -> targets.stream()
                .filter(to -> to.startsWith("org.apache.maven") || to.startsWith("org.codehaus") || to.equals("ai.pmoves.maven"))
                .forEach(to -> wrong.add(from + " -> " + to)));
        assertEquals(List.of(), wrong);
    }

    @Test
    void theGraphWasReadFromTheClasses() {
        // Guards the two tests above against passing on an empty graph (a changed jdeps output, a wrong folder).
        assertTrue(GRAPH.getOrDefault("ai.pmoves.engine.apply", Set.of()).contains("ai.pmoves.engine.script"), GRAPH::toString);
        assertTrue(GRAPH.size() > 15, GRAPH::toString);
    }

    /** Engine packages to every package they use, self-references left out. */
    private static Map<String, Set<String>> readGraph() {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("ai/pmoves/engine")), "compile first: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
                classes.toString());
        assertEquals(0, exit, out::toString);
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && edge.group(1).startsWith("ai.pmoves.engine") && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return graph;
    }

    /** The packages of one cycle in order, first one repeated at the end; empty when the graph has none. */
    private static List<String> findCycle() {
        Map<String, Integer> state = new TreeMap<>(); // absent: unvisited; 1: on the current path; 2: done
        for (String start : GRAPH.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, state, path)) {
                return path;
            }
        }
        return List.of();
    }

    private static boolean visit(String node, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return false;
        }
        path.add(node);
        if (seen != null) { // on the current path: cut the path to the cycle itself
            path.subList(0, path.indexOf(node)).clear();
            return true;
        }
        state.put(node, 1);
        for (String next : GRAPH.getOrDefault(node, Set.of())) {
            if (next.startsWith("ai.pmoves.engine") && visit(next, state, path)) {
                return true;
            }
        }
        state.put(node, 2);
        path.remove(path.size() - 1);
        return false;
    }
}
