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

    /**
     * The catalog of {@code connection}'s database, the schemas {@code filter} leaves out aside: a new plan's with the
     * filter it is made with, a followed plan's with the one it records.
     */
    public static ReleasePlan.Catalog read(Connection connection, SchemaFilter filter) {
        try {
            SchemaSnapshot snapshot = SchemaSnapshot.read(connection, filter);
            return new ReleasePlan.Catalog(snapshot.fingerprint(), List.copyOf(filter.excluded()), snapshot.objects());
        } catch (SQLException e) {
            throw new PmovesException("Cannot read the schema from the catalogs (for the plan's catalog fingerprint): "
                    + e.getMessage(), e);
        }
    }
}
