package ai.pmoves.engine.plan;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.Printable;
import ai.pmoves.engine.plan.ReleasePlan.Catalog;
import ai.pmoves.engine.plan.ReleasePlan.Database;
import ai.pmoves.engine.plan.ReleasePlan.History;
import ai.pmoves.engine.plan.ReleasePlan.HistoryEntry;
import ai.pmoves.engine.plan.ReleasePlan.PlannedFile;
import ai.pmoves.engine.plan.ReleasePlan.PlannedLock;
import ai.pmoves.engine.plan.ReleasePlan.PlannedStatement;
import ai.pmoves.engine.schema.SchemaObject;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code plan.json}: a {@link ReleasePlan} written for review and for the deploy job, and read back by
 * {@code apply -Dpmoves.plan}. A file that is not JSON, is cut short, or lacks a field a plan has is an error that
 * names it and says how to make a plan.
 */
public final class PlanJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private PlanJson() {
    }

    /** The plan as JSON text, indented for a reader. */
    public static String toJson(ReleasePlan plan) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("format", plan.format());
            g.writeStringField("pluginVersion", plan.pluginVersion());
            g.writeStringField("createdAt", plan.createdAt());
            g.writeObjectFieldStart("database");
            g.writeStringField("url", plan.database().url());
            g.writeStringField("serverVersion", plan.database().serverVersion());
            g.writeStringField("name", plan.database().name());
            g.writeEndObject();
            g.writeObjectFieldStart("history");
            g.writeStringField("table", plan.history().table());
            g.writeStringField("fingerprint", plan.history().fingerprint());
            g.writeArrayFieldStart("rows");
            for (HistoryEntry row : plan.history().rows()) {
                g.writeStartObject();
                g.writeStringField("key", row.key());
                g.writeStringField("state", row.state());
                g.writeStringField("checksum", row.checksum());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("catalog");
            g.writeStringField("fingerprint", plan.catalog().fingerprint());
            g.writeArrayFieldStart("excludedSchemas");
            for (String schema : plan.catalog().excludedSchemas()) {
                g.writeString(schema);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("objects");
            for (SchemaObject object : plan.catalog().objects()) {
                g.writeStartObject();
                g.writeStringField("kind", object.kind());
                g.writeStringField("name", object.name());
                g.writeObjectFieldStart("attributes");
                for (Map.Entry<String, String> attribute : object.attributes().entrySet()) {
                    g.writeStringField(attribute.getKey(), attribute.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            files(g, "migrations", plan.migrations());
            files(g, "baseline", plan.baseline());
            files(g, "definitions", plan.definitions());
            files(g, "hooks", plan.hooks());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return out.append('\n').toString();
    }

    private static void files(JsonGenerator g, String field, List<PlannedFile> files) throws IOException {
        g.writeArrayFieldStart(field);
        for (PlannedFile file : files) {
            g.writeStartObject();
            if (file.version() != null) {
                g.writeStringField("version", file.version());
            }
            if (file.name() != null) {
                g.writeStringField("name", file.name());
            }
            g.writeStringField("path", file.path());
            g.writeStringField("checksum", file.checksum());
            g.writeBooleanField("transactional", file.transactional());
            g.writeArrayFieldStart("statements");
            for (PlannedStatement s : file.statements()) {
                g.writeStartObject();
                g.writeNumberField("line", s.line());
                g.writeStringField("sql", s.sql());
                // what the statement holds up on the target: its locks, the largest table's rows, a rewrite
                g.writeArrayFieldStart("locks");
                for (PlannedLock lock : s.locks()) {
                    g.writeStartObject();
                    g.writeStringField("relation", lock.relation());
                    g.writeStringField("mode", lock.mode());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("rows", s.rows());
                g.writeBooleanField("rewrite", s.rewrite());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Reads a plan; a file that is missing, not JSON, cut short or not a plan is an error naming it. */
    public static ReleasePlan read(Path file) {
        Object tree;
        try (JsonParser p = JSON.createParser(Files.newBufferedReader(file))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw notAPlan(file, "it is empty");
            }
            tree = value(p, first);
            if (p.nextToken() != null) {
                throw notAPlan(file, "it goes on after the end of its JSON object, at line "
                        + p.currentLocation().getLineNr());
            }
        } catch (NoSuchFileException e) {
            throw new PmovesException("The plan " + Printable.of(file) + " does not exist (pmoves.plan). Make one with"
                    + " mvn pmoves:plan, which writes target/pmoves/plan.json, or fetch the one the build published.");
        } catch (JsonProcessingException e) {
            throw notAPlan(file, (e.getMessage().contains("end-of-input") ? "it is cut short: " : "it is not JSON: ")
                    + Printable.of(e.getOriginalMessage()) + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new PmovesException("Cannot read the plan " + Printable.of(file) + ": "
                    + Printable.of(e.getMessage()), e);
        }
        return new Reader(file).plan(tree);
    }

    /** The tree of one JSON value: a map, a list, a string, a number, a boolean or null. */
    private static Object value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    static PmovesException notAPlan(Path file, String why) {
        return new PmovesException(Printable.of(file) + " is not a pmoves plan: " + why + ". Give pmoves.plan the"
                + " plan.json that mvn pmoves:plan wrote (target/pmoves/plan.json), or the one the build published"
                + " (classifier pmoves-plan), as it was written.");
    }

    /** Turns the tree into a plan, naming the first field that is missing or of the wrong kind. */
    private record Reader(Path file) {
        ReleasePlan plan(Object tree) {
            Map<String, Object> root = object(tree, "the file");
            String format = nullable(root, "format");
            if (!ReleasePlan.FORMAT.equals(format)) {
                throw notAPlan(file, format == null ? "it has no \"format\": \"" + ReleasePlan.FORMAT + "\", which"
                        + " every plan starts with (another report?)" : "its format is '" + Printable.of(format)
                        + "', where this plugin reads " + ReleasePlan.FORMAT);
            }
            Map<String, Object> database = object(root.get("database"), "database");
            Map<String, Object> history = object(root.get("history"), "history");
            Map<String, Object> catalog = object(root.get("catalog"), "catalog");
            return new ReleasePlan(format, string(root, "pluginVersion", ""), string(root, "createdAt", ""),
                    new Database(string(database, "url", "database."), string(database, "serverVersion", "database."),
                            string(database, "name", "database.")),
                    new History(string(history, "table", "history."), string(history, "fingerprint", "history."),
                            list(history, "rows", "history.", row -> new HistoryEntry(string(row, "key", "history.rows[]."),
                                    string(row, "state", "history.rows[]."), nullable(row, "checksum")))),
                    new Catalog(string(catalog, "fingerprint", "catalog."), strings(catalog, "excludedSchemas"),
                            list(catalog, "objects", "catalog.", this::schemaObject)),
                    files(root, "migrations"), files(root, "baseline"), files(root, "definitions"),
                    files(root, "hooks"));
        }

        private SchemaObject schemaObject(Map<String, Object> o) {
            String at = "catalog.objects[].";
            Map<String, String> attributes = new LinkedHashMap<>();
            object(o.get("attributes"), at + "attributes").forEach((k, v) -> attributes.put(k, text(v, at + k)));
            try {
                return new SchemaObject(string(o, "kind", at), string(o, "name", at), attributes);
            } catch (IllegalArgumentException e) { // a kind this plugin does not know
                throw notAPlan(file, at + "kind: " + Printable.of(e.getMessage()));
            }
        }

        private List<String> strings(Map<String, Object> map, String field) {
            if (!(map.get(field) instanceof List<?> items)) {
                throw missing("catalog." + field, "a list");
            }
            return items.stream().map(i -> text(i, "catalog." + field + "[]")).toList();
        }

        private List<PlannedFile> files(Map<String, Object> root, String field) {
            String at = field + "[].";
            return list(root, field, "", f -> new PlannedFile(nullable(f, "version"), nullable(f, "name"),
                    string(f, "path", at), string(f, "checksum", at), bool(f, "transactional", at),
                    list(f, "statements", at, s -> new PlannedStatement(number(s, "line", at + "statements[]."),
                            string(s, "sql", at + "statements[]."), locks(s),
                            s.get("rows") instanceof Number n ? n.longValue() : -1,
                            Boolean.TRUE.equals(s.get("rewrite"))))));
        }

        /** A statement's locks: informative, so a plan without them (made for a reviewer who needs none) still reads. */
        private List<PlannedLock> locks(Map<String, Object> statement) {
            if (!(statement.get("locks") instanceof List<?> items)) {
                return List.of();
            }
            return list(statement, "locks", "statements[].", l -> new PlannedLock(
                    string(l, "relation", "statements[].locks[]."), string(l, "mode", "statements[].locks[].")));
        }

        private <T> List<T> list(Map<String, Object> map, String field, String at, Function<Map<String, Object>, T> item) {
            if (!(map.get(field) instanceof List<?> items)) {
                throw missing(at + field, "a list");
            }
            List<T> out = new ArrayList<>(items.size());
            for (Object o : items) {
                out.add(item.apply(object(o, at + field + "[]")));
            }
            return List.copyOf(out);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object(Object value, String what) {
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw missing(what, "an object");
        }

        private String string(Map<String, Object> map, String field, String at) {
            return text(map.get(field), at + field);
        }

        private String text(Object value, String what) {
            if (value instanceof String s) {
                return s;
            }
            throw missing(what, "a string");
        }

        private static String nullable(Map<String, Object> map, String field) {
            return map.get(field) instanceof String s ? s : null;
        }

        private boolean bool(Map<String, Object> map, String field, String at) {
            if (map.get(field) instanceof Boolean b) {
                return b;
            }
            throw missing(at + field, "true or false");
        }

        private int number(Map<String, Object> map, String field, String at) {
            if (map.get(field) instanceof Number n) {
                return n.intValue();
            }
            throw missing(at + field, "a number");
        }

        private PmovesException missing(String what, String kind) {
            return notAPlan(file, what + " is missing or is not " + kind);
        }
    }
}
