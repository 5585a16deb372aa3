package ai.pmoves.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff of two snapshots as values, no database: pairing by kind and name, and the one-line account of each. */
class SchemaDiffTest {
    private static SchemaObject column(String name, String defaultValue) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", "text");
        attributes.put("default", defaultValue);
        return new SchemaObject("column", name, attributes);
    }

    private static SchemaObject function(String body) {
        return new SchemaObject("function", "public.f()", Map.of("body", body));
    }

    @Test
    void objectsArePairedByKindAndNameWhateverOrderTheyCameIn() {
        SchemaSnapshot one = SchemaSnapshot.of(List.of(column("public.t.b", "none"), column("public.t.a", "none")));
        SchemaSnapshot other = SchemaSnapshot.of(List.of(column("public.t.a", "none"), column("public.t.b", "none")));
        assertTrue(SchemaDiff.between(one, other).isEmpty());
        assertEquals(one.fingerprint(), other.fingerprint());
        assertEquals(List.of("public.t.a", "public.t.b"), one.objects().stream().map(SchemaObject::name).toList());
    }

    @Test
    void aChangedObjectNamesOnlyTheAttributesThatDiffer() {
        SchemaDiff diff = SchemaDiff.between(SchemaSnapshot.of(List.of(column("public.t.c", "none"))),
                SchemaSnapshot.of(List.of(column("public.t.c", "now()"))));
        assertEquals(List.of("changed column public.t.c: default none → now()"), diff.lines());
        SchemaDiff.Difference d = diff.differences().get(0);
        assertEquals("type: text\ndefault: none", d.expected());
        assertEquals("type: text\ndefault: now()", d.actual());
    }

    @Test
    void anAddedObjectHasNoExpectedTextAndARemovedOneNoActual() {
        SchemaSnapshot empty = SchemaSnapshot.of(List.of());
        SchemaSnapshot one = SchemaSnapshot.of(List.of(new SchemaObject("schema", "extra", Map.of())));
        SchemaDiff.Difference added = SchemaDiff.between(empty, one).differences().get(0);
        assertEquals("added schema extra: none → present", added.line());
        assertNull(added.expected());
        SchemaDiff.Difference removed = SchemaDiff.between(one, empty).differences().get(0);
        assertEquals("removed schema extra: present → none", removed.line());
        assertNull(removed.actual());
        assertNotEquals(empty.fingerprint(), one.fingerprint());
    }

    @Test
    void aMultiLineValueIsShownByItsFirstDifferingLineNumbered() {
        SchemaDiff diff = SchemaDiff.between(SchemaSnapshot.of(List.of(function("BEGIN\n  RETURN 1;\nEND"))),
                SchemaSnapshot.of(List.of(function("BEGIN\n  RETURN 2;\nEND"))));
        assertEquals(List.of("changed function public.f(): body line 2: RETURN 1; → RETURN 2;"), diff.lines());
    }

    @Test
    void aLongValueIsCutOnOneLine() {
        String longDefault = "x".repeat(150);
        String line = SchemaDiff.between(SchemaSnapshot.of(List.of(column("public.t.c", "none"))),
                SchemaSnapshot.of(List.of(column("public.t.c", longDefault)))).lines().get(0);
        assertTrue(line.endsWith("default none → " + "x".repeat(99) + "…"), line);
    }

    @Test
    void anUnknownKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SchemaObject("tabel", "public.t", Map.of()));
    }
}
