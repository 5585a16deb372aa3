package ai.pmoves.engine.plan;

import ai.pmoves.engine.PmovesException;
import ai.pmoves.engine.schema.SchemaFilter;
import ai.pmoves.engine.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema as a plan records it: the snapshot's fingerprint and its objects, so that an apply of the plan can tell
 * whether the schema moved since, and name the objects that did as {@code pmoves:drift} names them.
 */
public final class PlanCatalog {
    private PlanCatalog() {
    }

    /** The catalog of {@code connection}'s database, the platform schemas left out, as a new plan records it. */
    public static ReleasePlan.Catalog read(Connection connection) {
        return read(connection, SchemaFilter.platformExcluded());
    }

    /** The catalog of {@code connection}'s database, read as {@code plan}'s was: the same schemas left out. */
    public static ReleasePlan.Catalog readLike(Connection connection, ReleasePlan plan) {
        return read(connection, SchemaFilter.excluding(plan.catalog().excludedSchemas()));
    }

    private static ReleasePlan.Catalog read(Connection connection, SchemaFilter filter) {
        try {
            SchemaSnapshot snapshot = SchemaSnapshot.read(connection, filter);
            return new ReleasePlan.Catalog(snapshot.fingerprint(), List.copyOf(filter.excluded()), snapshot.objects());
        } catch (SQLException e) {
            throw new PmovesException("Cannot read the schema from the catalogs (for the plan's catalog fingerprint): "
                    + e.getMessage(), e);
        }
    }
}
