package ai.pmoves.engine.schema;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which schemas a {@link SchemaSnapshot} compares. The platform's schemas (Supabase's services own them and change them
 * on their own schedule) and the system schemas are left out; the left-out platform set can be changed. What a project
 * puts into a left-out platform schema is still read: its policies (a storage policy) and the triggers that call a
 * function of a compared schema (a trigger on {@code auth.users}). The system schemas ({@code pg_catalog},
 * {@code information_schema}, {@code pg_toast}, {@code pg_temp_N}: every {@code pg_} name) are always left out.
 */
public final class SchemaFilter {
    /** The schemas Supabase's services make and own, left out by default. */
    public static final List<String> PLATFORM_SCHEMAS = List.of("auth", "storage", "realtime", "extensions", "graphql",
            "graphql_public", "vault", "net", "cron", "supabase_functions", "supabase_migrations", "pgsodium", "pgmq");

    private final Set<String> excluded;

    private SchemaFilter(Collection<String> excluded) {
        this.excluded = new TreeSet<>(excluded);
    }

    /** Leaves out the platform schemas ({@link #PLATFORM_SCHEMAS}) and the system schemas. */
    public static SchemaFilter platformExcluded() {
        return new SchemaFilter(PLATFORM_SCHEMAS);
    }

    /** Leaves out {@code schemas} (instead of the platform set) and the system schemas. */
    public static SchemaFilter excluding(Collection<String> schemas) {
        return new SchemaFilter(schemas);
    }

    /** The left-out schemas besides the system ones, sorted. */
    public Set<String> excluded() {
        return java.util.Collections.unmodifiableSet(excluded);
    }

    /** Whether the objects of {@code schema} are compared. */
    public boolean compares(String schema) {
        return !system(schema) && !excluded.contains(schema);
    }

    /** The schemas every snapshot leaves out, whatever the filter: the server's own. */
    public static boolean system(String schema) {
        return schema.startsWith("pg_") || schema.equals("information_schema");
    }

    @Override
    public String toString() {
        return "every schema but " + String.join(", ", excluded) + " and the system schemas";
    }
}
