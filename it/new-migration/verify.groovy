import java.time.LocalDateTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter

def log = new File(basedir, 'build.log').text

// The new migration is named by the current UTC time and sits beside the existing one
def names = new File(basedir, 'supabase/migrations').list().sort()
assert names.size() == 2 && names[0] == '20250115000000_service_catalog.sql'
def created = names[1]
assert created ==~ /\d{14}_add_feature_x\.sql/
def stamp = LocalDateTime.parse(created.substring(0, 14), DateTimeFormatter.ofPattern('yyyyMMddHHmmss'))
assert !stamp.isAfter(LocalDateTime.now(ZoneOffset.UTC))

// The guide's template, with its placeholders filled
def sql = new File(basedir, "supabase/migrations/$created").text
assert sql.startsWith("-- PMOVES.AI Migration: add feature x\n-- Date: ${stamp.toLocalDate()}\n-- Author: Ada\n-- Jira Issue: PMOVES-123\n")
assert sql.contains('CREATE TABLE IF NOT EXISTS public.add_feature_x (\n  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),')
assert sql.contains('ALTER TABLE public.add_feature_x ENABLE ROW LEVEL SECURITY;')
assert sql.contains('DROP POLICY IF EXISTS read_add_feature_x_all ON public.add_feature_x;\nCREATE POLICY read_add_feature_x_all')
assert sql.contains("COMMENT ON TABLE public.add_feature_x IS 'add feature x';")

// Its down script has the same name, outside the migrations directory, and no statements yet
def down = new File(basedir, "supabase/rollbacks/$created")
assert down.text.startsWith("-- Down script of $created, run by pmoves:rollback to undo it.")
assert down.readLines().every { it.startsWith('--') }
assert log.contains("Created ${new File(basedir, "supabase/migrations/$created").path}")

// validate has nothing to say about what new wrote
assert log.contains('[INFO] Validated 3 SQL files (0 init scripts, 2 migrations, 0 seeds, 1 down script) with 21 rules.')
assert log.contains('[INFO] No findings.')
true
