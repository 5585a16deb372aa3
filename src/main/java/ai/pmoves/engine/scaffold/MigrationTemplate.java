package ai.pmoves.engine.scaffold;

import ai.pmoves.engine.history.TableName;
import java.time.LocalDate;

/**
 * The guide's "Example Migration Template" with its placeholders filled: a table with a {@code gen_random_uuid()} key,
 * an index, row level security with a policy, and a comment, each guarded so the file can run again. The guide's
 * best practices hold for it, so {@code pmoves:validate} has nothing to say about a new file.
 */
public final class MigrationTemplate {
    private MigrationTemplate() {
    }

    /**
     * The migration's text.
     *
     * @param description what the migration does (the header and the table comment)
     * @param date        the UTC date it was written
     * @param author      who wrote it
     * @param issue       the tracker issue, or null for none
     * @param table       the table the template creates
     */
    public static String migration(MigrationDescription description, LocalDate date, String author, String issue,
                                   TableName table) {
        String t = table.toString();
        String name = table.table();
        return "-- PMOVES.AI Migration: " + description.text() + "\n"
                + "-- Date: " + date + "\n"
                + "-- Author: " + author + "\n"
                + (issue == null || issue.isBlank() ? "" : "-- Jira Issue: " + issue.trim() + "\n")
                + "\n"
                + "-- Create table\n"
                + "CREATE TABLE IF NOT EXISTS " + t + " (\n"
                + "  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),\n"
                + "  name TEXT NOT NULL,\n"
                + "  metadata JSONB DEFAULT '{}'::jsonb,\n"
                + "  created_at TIMESTAMPTZ DEFAULT now(),\n"
                + "  updated_at TIMESTAMPTZ DEFAULT now()\n"
                + ");\n"
                + "\n"
                + "-- Create indexes\n"
                + "CREATE INDEX IF NOT EXISTS idx_" + name + "_name\n"
                + "  ON " + t + "(name);\n"
                + "\n"
                + "-- Enable RLS\n"
                + "ALTER TABLE " + t + " ENABLE ROW LEVEL SECURITY;\n"
                + "\n"
                + "-- Create policies\n"
                + "DROP POLICY IF EXISTS read_" + name + "_all ON " + t + ";\n"
                + "CREATE POLICY read_" + name + "_all ON " + t + "\n"
                + "  FOR SELECT USING (auth.uid() IS NOT NULL);\n"
                + "\n"
                + "-- Add comment\n"
                + "COMMENT ON TABLE " + t + " IS '" + description.text().replace("'", "''") + "';\n";
    }

    /**
     * The down script: comments only, so it undoes nothing until someone writes the undo; the suggestion fits the
     * template as written.
     */
    public static String downScript(String migrationFileName, TableName table) {
        return "-- Down script of " + migrationFileName + ", run by pmoves:rollback to undo it.\n"
                + "-- Write the statements that undo the migration, newest change first, e.g.:\n"
                + "-- DROP TABLE IF EXISTS " + table + " CASCADE;\n";
    }
}
