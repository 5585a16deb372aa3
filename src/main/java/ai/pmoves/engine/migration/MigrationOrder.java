package ai.pmoves.engine.migration;

import java.util.Comparator;

/** Time order: the 14-digit UTC key first, the file name breaking ties ({@code _geometry_bus} before {@code _geometry_bus_rls}). */
public final class MigrationOrder {
    public static final Comparator<Migration> COMPARATOR =
            Comparator.comparing(Migration::orderKey).thenComparing(Migration::fileName);

    private MigrationOrder() {
    }
}
