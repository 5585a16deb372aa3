package ai.pmoves.engine.junit;

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
 * A JUnit XML report in the form surefire writes and CI servers read (Jenkins, GitLab, GitHub's reporters): one
 * {@code testsuite} with its counts and properties, {@code testcase}s carrying {@code file} and {@code line}, each with
 * a {@code failure}, {@code error} or {@code skipped} as surefire uses them, and a {@code system-out}. Written as the
 * caller goes: {@link #open}, {@link #testcase}, {@link #child} …, {@link #endCase}, {@link #systemOut},
 * {@link #close}.
 */
public final class JUnitXml implements AutoCloseable {
    /** A suite's name and counts, written as the {@code testsuite}'s attributes. */
    public record Suite(String name, int tests, int failures, int errors, int skipped, long nanos) {
    }

    private final Path file;
    private final OutputStream out;
    private final XMLStreamWriter xml;

    private JUnitXml(Path file, OutputStream out, XMLStreamWriter xml) {
        this.file = file;
        this.out = out;
        this.xml = xml;
    }

    /**
     * Opens {@code file} (its directory made when missing) and writes the {@code testsuite} start and its
     * {@code properties}, given as name, value, name, value ….
     */
    public static JUnitXml open(Path file, Suite suite, String... properties) {
        try {
            Files.createDirectories(file.getParent());
            OutputStream out = Files.newOutputStream(file);
            JUnitXml report = new JUnitXml(file, out, XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8"));
            report.start(suite, properties);
            return report;
        } catch (IOException | XMLStreamException e) {
            throw failure(file, e);
        }
    }

    /** Deletes the reports an earlier run wrote in {@code directory} whose names match {@code glob}; others stay. */
    public static void clear(Path directory, String glob) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, glob)) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new PmovesException("Cannot clear the old reports in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void start(Suite suite, String... properties) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.name());
        xml.writeAttribute("tests", Integer.toString(suite.tests()));
        xml.writeAttribute("failures", Integer.toString(suite.failures()));
        xml.writeAttribute("errors", Integer.toString(suite.errors()));
        xml.writeAttribute("skipped", Integer.toString(suite.skipped()));
        xml.writeAttribute("time", seconds(suite.nanos()));
        xml.writeAttribute("timestamp", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        xml.writeCharacters("\n  ");
        xml.writeStartElement("properties");
        for (int i = 0; i + 1 < properties.length; i += 2) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", properties[i]);
            xml.writeAttribute("value", xmlText(properties[i + 1]));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** Starts a {@code testcase}; end it with {@link #endCase}. */
    public JUnitXml testcase(String name, String classname, long nanos, String file, int line) {
        try {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("name", xmlText(name));
            xml.writeAttribute("classname", classname);
            xml.writeAttribute("time", seconds(nanos));
            xml.writeAttribute("file", file);
            xml.writeAttribute("line", Integer.toString(line));
            return this;
        } catch (XMLStreamException e) {
            throw failure(this.file, e);
        }
    }

    /** Ends the test case on a line of its own, after a child written with {@link #systemOut}. */
    public JUnitXml endCaseOnNewLine() {
        try {
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failure(file, e);
        }
    }

    public JUnitXml endCase() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failure(file, e);
        }
    }

    /**
     * {@code <failure message="…" type="…">text</failure>} (or {@code error}) in the open test case; {@code skipped}
     * with no type and no text.
     */
    public JUnitXml child(String element, String message, String type, String text) {
        try {
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
            return this;
        } catch (XMLStreamException e) {
            throw failure(file, e);
        }
    }

    /** The {@code system-out} of the open test case, or of the suite after the last one. */
    public JUnitXml systemOut(String text, String indent) {
        try {
            xml.writeCharacters("\n" + indent);
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlText(text));
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failure(file, e);
        }
    }

    /** Ends the suite and the document and closes the file. */
    @Override
    public void close() {
        try {
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            out.close();
        } catch (IOException | XMLStreamException e) {
            throw failure(file, e);
        }
    }

    /** Seconds with three decimals, as surefire writes them, whatever the locale. */
    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** The text with what XML 1.0 cannot hold (control characters but tab and line ends) as U+FFFD. */
    public static String xmlText(String text) {
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

    private static PmovesException failure(Path file, Exception e) {
        return new PmovesException("Cannot write the report " + file + ": " + e.getMessage(), e);
    }
}
