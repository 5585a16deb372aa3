package ai.pmoves.engine.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One object of a {@link SchemaSnapshot}: its kind ({@code table}, {@code column}, {@code grant}, …), its qualified name
 * ({@code public.t.c}, {@code table public.t to anon}) and its attributes in a fixed order ({@code default now()}). An
 * attribute the object lacks reads {@code none}, so that a default added by hand reads as a change of one attribute.
 */
public record SchemaObject(String kind, String name, Map<String, String> attributes) implements Comparable<SchemaObject> {
    /** The kinds in the order a snapshot lists them: containers before what they contain. */
    public static final List<String> KINDS = List.of("schema", "extension", "type", "sequence", "table", "column",
            "constraint", "index", "view", "materialized view", "function", "procedure", "trigger", "policy", "grant",
            "publication", "publication table");

    /** The value of an absent attribute. */
    public static final String NONE = "none";

    public SchemaObject {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown kind " + kind + ", not one of " + KINDS);
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Kind and name: what identifies the object across two snapshots. */
    public String key() {
        return kind + " " + name;
    }

    /** The attributes, one {@code name: value} line each, in their fixed order. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        attributes.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "\n").append(k).append(": ").append(v));
        return sb.toString();
    }

    /**
     * One line for the log: the attributes that are not {@code none}, multi-line values cut to their first line; the
     * word "present" for an object with nothing more to say (a schema).
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        attributes.forEach((k, v) -> {
            if (!NONE.equals(v)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(SchemaDiff.clip(v));
            }
        });
        return sb.length() == 0 ? "present" : sb.toString();
    }

    /** Orders as {@link #compareTo}, as a text key for sorted maps. */
    String sortKey() {
        return (char) ('A' + KINDS.indexOf(kind)) + name;
    }

    @Override
    public int compareTo(SchemaObject o) {
        int byKind = Integer.compare(KINDS.indexOf(kind), KINDS.indexOf(o.kind));
        return byKind != 0 ? byKind : name.compareTo(o.name);
    }
}
