package ai.pmoves.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What differs between an expected schema (the one the project's files make) and an actual one (the target's):
 * objects the target has and the files do not ({@code added}), objects the files make and the target lacks
 * ({@code removed}), objects both have with other attributes ({@code changed}), in snapshot order.
 */
public final class SchemaDiff {
    private static final int CLIP = 100;

    /** How an object differs. */
    public enum Change {
        ADDED, REMOVED, CHANGED;

        /** As printed: {@code added}, {@code removed}, {@code changed}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One difference: the object's kind and name, its full text on each side (null on the side that lacks it), and a
     * one-line account of what differs ({@code default none → now()}).
     */
    public record Difference(Change change, String kind, String object, String expected, String actual, String detail) {
        /** {@code changed column public.t.c: default none → now()}. */
        public String line() {
            return change.label() + " " + kind + " " + object + ": " + detail;
        }
    }

    private final List<Difference> differences;

    private SchemaDiff(List<Difference> differences) {
        this.differences = List.copyOf(differences);
    }

    /** The differences from {@code expected} to {@code actual}. */
    public static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot actual) {
        Map<String, SchemaObject[]> pairs = new TreeMap<>();
        for (SchemaObject o : expected.objects()) {
            pairs.computeIfAbsent(o.sortKey(), k -> new SchemaObject[2])[0] = o;
        }
        for (SchemaObject o : actual.objects()) {
            pairs.computeIfAbsent(o.sortKey(), k -> new SchemaObject[2])[1] = o;
        }
        List<Difference> found = new ArrayList<>();
        for (SchemaObject[] pair : pairs.values()) {
            SchemaObject e = pair[0];
            SchemaObject a = pair[1];
            if (e == null) {
                found.add(new Difference(Change.ADDED, a.kind(), a.name(), null, a.text(), "none → " + a.summary()));
            } else if (a == null) {
                found.add(new Difference(Change.REMOVED, e.kind(), e.name(), e.text(), null, e.summary() + " → none"));
            } else if (!e.attributes().equals(a.attributes())) {
                found.add(new Difference(Change.CHANGED, e.kind(), e.name(), e.text(), a.text(), changes(e, a)));
            }
        }
        return new SchemaDiff(found);
    }

    public List<Difference> differences() {
        return differences;
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    /** Each difference's {@link Difference#line()}. */
    public List<String> lines() {
        return differences.stream().map(Difference::line).toList();
    }

    /** The attributes that differ, {@code name old → new} each, joined by "; ". */
    private static String changes(SchemaObject expected, SchemaObject actual) {
        List<String> parts = new ArrayList<>();
        expected.attributes().forEach((name, was) -> {
            String now = actual.attributes().getOrDefault(name, SchemaObject.NONE);
            if (!Objects.equals(was, now)) {
                parts.add(name + " " + changed(was, now));
            }
        });
        actual.attributes().forEach((name, now) -> {
            if (!expected.attributes().containsKey(name)) {
                parts.add(name + " " + SchemaObject.NONE + " → " + clip(now));
            }
        });
        return String.join("; ", parts);
    }

    /** {@code old → new}; for a multi-line value (a function's body), the first line that differs, numbered. */
    private static String changed(String was, String now) {
        if (!was.contains("\n") && !now.contains("\n")) {
            return clip(was) + " → " + clip(now);
        }
        String[] a = was.split("\n", -1);
        String[] b = now.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        return "line " + (line + 1) + ": " + (line < a.length ? clip(a[line].strip()) : "(end)") + " → "
                + (line < b.length ? clip(b[line].strip()) : "(end)");
    }

    /** A value on one line: whitespace runs as one space, cut with an ellipsis past 100 characters. */
    static String clip(String value) {
        String flat = value.strip().replaceAll("\\s+", " ");
        return flat.length() <= CLIP ? flat : flat.substring(0, CLIP - 1) + "…";
    }
}
