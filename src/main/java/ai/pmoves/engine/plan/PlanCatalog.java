package ai.pmoves.engine.plan;

import java.sql.Connection;
import java.util.TreeMap;

/**
 * The schema as a plan records it: the fingerprint of the schema snapshot and its objects, so that an apply of the
 * plan can tell whether the schema moved since, and name the objects that did.
 */
public final class PlanCatalog {
    private PlanCatalog() {
    }

    /**
     * The catalog of the database {@code connection} is on.
     * SEAM: the schema snapshot (branch drift) is not merged yet; until it is, a plan records no catalog fingerprint
     * and the check of the schema is skipped.
     */
    public static ReleasePlan.Catalog read(Connection connection) {
        return new ReleasePlan.Catalog(null, new TreeMap<>());
    }
}
