package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.SqlToken;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GRANT}, {@code REVOKE}, {@code ALTER DEFAULT PRIVILEGES} and {@code CREATE/ALTER POLICY … TO} naming a
 * Supabase platform role ({@code anon}, {@code authenticated}, {@code service_role}, {@code supabase_auth_admin}, …),
 * when the build does not prepare them ({@code pmoves:bootstrap}) and no file creates them (guide: "Role Does Not
 * Exist").
 */
final class SupabaseRolesRule extends Rule {
    /** The roles the supabase/postgres image and the platform's services create. */
    static final Set<String> ROLES = Set.of("anon", "authenticated", "service_role", "authenticator", "dashboard_user",
            "pgbouncer", "supabase_admin", "supabase_auth_admin", "supabase_storage_admin", "supabase_functions_admin",
            "supabase_realtime_admin", "supabase_replication_admin", "supabase_read_only_user", "supabase_etl_admin",
            "supabase_privileged_role", "pgsodium_keyholder", "pgsodium_keyiduser", "pgsodium_keymaker");
    private static final String[][] KINDS = {{"GRANT"}, {"REVOKE"}, {"ALTER", "DEFAULT", "PRIVILEGES"},
        {"CREATE", "POLICY"}, {"ALTER", "POLICY"}};

    SupabaseRolesRule() {
        super("supabase-roles", Severity.WARNING,
                "the Supabase platform roles (anon, authenticated, service_role, supabase_auth_admin, …) exist on"
                        + " Supabase only: on a plain PostgreSQL (CI, a fresh container) the statement fails with role"
                        + " \"anon\" does not exist",
                "bind pmoves:bootstrap (supabaseCompat=auto creates the roles), or create them first as the guide's"
                        + " \"Role Does Not Exist\" shows; against a real Supabase database turn this rule off"
                        + " (rules=supabase-roles)");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        if (files.supabaseRolesPrepared()) {
            return;
        }
        Set<String> created = new HashSet<>();
        for (SourceFile file : files.files()) {
            for (LintStatement statement : file.statements()) {
                if (!statement.mentions("role") && !statement.mentions("user")) {
                    continue;
                }
                for (List<SqlToken> code : statement.code()) {
                    for (int i = 0; i + 2 < code.size(); i++) {
                        if (code.get(i).isWord("CREATE") && (code.get(i + 1).isWord("ROLE") || code.get(i + 1).isWord("USER"))
                                && code.get(i + 2).isName()) {
                            created.add(code.get(i + 2).name());
                        }
                    }
                }
            }
        }
        for (SourceFile file : files.files()) {
            for (LintStatement statement : file.statements()) {
                String kind = kind(statement);
                if (kind == null) {
                    continue;
                }
                Set<String> missing = rolesNamed(statement.tokens());
                missing.removeAll(created);
                if (!missing.isEmpty()) {
                    out.add(at(file, statement, 0, kind + " names " + String.join(", ", missing) + ", and no file"
                            + " creates " + (missing.size() == 1 ? "that role" : "those roles")
                            + " nor does the build prepare them"));
                }
            }
        }
    }

    /** What the statement is when it can name roles ({@code GRANT}, {@code CREATE POLICY}, …), else null. */
    private static String kind(LintStatement s) {
        for (String[] kind : KINDS) {
            if (s.startsWith(kind)) {
                return String.join(" ", kind);
            }
        }
        return null;
    }

    /** The Supabase roles a statement names: names that are not part of a qualified name ({@code anon.t}, {@code s.anon}). */
    private static Set<String> rolesNamed(List<SqlToken> t) {
        Set<String> roles = new TreeSet<>();
        for (int i = 1; i < t.size(); i++) {
            boolean qualified = t.get(i - 1).isSymbol('.') || i + 1 < t.size() && t.get(i + 1).isSymbol('.');
            if (t.get(i).isName() && !qualified && ROLES.contains(t.get(i).name())) {
                roles.add(t.get(i).name());
            }
        }
        return roles;
    }
}
