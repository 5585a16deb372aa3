package ai.pmoves.engine.tap;

import ai.pmoves.engine.PmovesException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report of a test file, in the form surefire writes and CI servers read
 * ({@code TEST-pmoves.test.<path>.xml}): one {@code testsuite} per file, one {@code testcase} per assertion, with
 * {@code failure}, {@code error} and {@code skipped} as surefire uses them, and the file's whole output in
 * {@code system-out}. Each test case carries {@code file} and {@code line}, which GitLab and several GitHub reporters
 * show.
 */
public final class JUnitReport {
    /** The reports of this goal, which a new run replaces (a renamed test file leaves none behind). */
    private static final String PREFIX = "TEST-pmoves.test.";

    private JUnitReport() {
    }

    /** Deletes the reports an earlier run wrote in {@code directory}; other files stay. */
    public static void clear(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, PREFIX + "*.xml")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new PmovesException("Cannot clear the old reports in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Writes the report of one file into {@code directory}; returns its path. */
    public static Path write(TestFileResult result, Path directory) {
        Path file = directory.resolve("TEST-" + result.file().suite() + ".xml");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                write(result, xml);
                xml.close();
            }
            return file;
        } catch (IOException | XMLStreamException e) {
            throw new PmovesException("Cannot write the test report " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(TestFileResult r, XMLStreamWriter xml) throws XMLStreamException {
        String suite = r.file().suite();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", Integer.toString(r.tests()));
        xml.writeAttribute("failures", Integer.toString(r.failures()));
        xml.writeAttribute("errors", Integer.toString(r.errors()));
        xml.writeAttribute("skipped", Integer.toString(r.skipped()));
        xml.writeAttribute("time", seconds(r.nanos()));
        xml.writeAttribute("timestamp", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", "file");
        xml.writeAttribute("value", r.file().path());
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        for (Assertion a : r.tap().assertions()) {
            String name = a.number() + (a.description().isEmpty() ? "" : " - " + a.description());
            startCase(xml, r, name, a.line(), a.nanos());
            if (a.failed()) {
                child(xml, "failure", a.tapLine(), "pgTAP", r.file().path() + ":" + a.line() + " " + a.tapLine()
                        + lines(a.diagnostics()));
            } else if (a.skipped()) {
                child(xml, "skipped", a.directive() + (a.reason().isEmpty() ? "" : " " + a.reason()), null, null);
            }
            endCase(xml);
        }
        if (r.skippedAll()) {
            startCase(xml, r, "1..0", 1, 0);
            child(xml, "skipped", "SKIP" + (r.tap().skipAllReason().isEmpty() ? "" : " " + r.tap().skipAllReason()),
                    null, null);
            endCase(xml);
        }
        if (r.planFailed()) {
            startCase(xml, r, "plan", 1, 0);
            String problems = String.join("; ", r.tap().problems());
            child(xml, "failure", problems, "pgTAP plan", r.file().path() + ": " + problems
                    + lines(r.tap().diagnostics()));
            endCase(xml);
        }
        if (r.error() != null) {
            startCase(xml, r, "SQL error at line " + r.error().line(), r.error().line(), 0);
            child(xml, "error", r.error().headline(), r.error().sqlState().isEmpty() ? "SQLException"
                    : "SQLSTATE " + r.error().sqlState(), r.error().description());
            endCase(xml);
        }
        if (r.tap().bailOut() != null) {
            startCase(xml, r, "Bail out!", 1, 0);
            child(xml, "error", "Bail out! " + r.tap().bailOut(), "pgTAP bail out", "Bail out! " + r.tap().bailOut());
            endCase(xml);
        }
        xml.writeCharacters("\n  ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(xmlText(String.join("\n", r.tap().output())));
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void startCase(XMLStreamWriter xml, TestFileResult r, String name, int line, long nanos)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", xmlText(name));
        xml.writeAttribute("classname", r.file().suite());
        xml.writeAttribute("time", seconds(nanos));
        xml.writeAttribute("file", r.file().path());
        xml.writeAttribute("line", Integer.toString(line));
    }

    private static void endCase(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
    }

    /** {@code <failure message="…" type="…">text</failure>}; no type and no text for {@code skipped}. */
    private static void child(XMLStreamWriter xml, String element, String message, String type, String text)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        if (text == null) {
            xml.writeEmptyElement(element);
        } else {
            xml.writeStartElement(element);
        }
        xml.writeAttribute("message", xmlText(message));
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        if (text != null) {
            xml.writeCharacters(xmlText(text));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
    }

    private static String lines(java.util.List<String> diagnostics) {
        return diagnostics.isEmpty() ? "" : "\n" + String.join("\n", diagnostics);
    }

    /** Seconds with three decimals, as surefire writes them, whatever the locale. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** The text with what XML 1.0 cannot hold (control characters but tab and line ends) as U+FFFD. */
    static String xmlText(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r';
            if (!allowed && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            }
            if (sb != null) {
                sb.append(allowed ? c : '\uFFFD');
            }
        }
        return sb == null ? text : sb.toString();
    }
}
