package ai.pmoves.engine.migration;

import java.util.Comparator;

/**
 * The Supabase CLI's order: versions compared as strings ({@code 00000000000001 < 0001 < 0010 < 20240101 <
 * 20240101000000}), which is time order between the 8- and 14-digit forms; a dashed date compares as its 8 digits;
 * the file name breaks ties ({@code _geometry_bus} before {@code _geometry_bus_rls}), as the CLI's sorted listing does.
 */
public final class MigrationOrder {
    public static final Comparator<Migration> COMPARATOR =
            Comparator.comparing(Migration::orderKey).thenComparing(Migration::fileName);

    private MigrationOrder() {
    }
}
