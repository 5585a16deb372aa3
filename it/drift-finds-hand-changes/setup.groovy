// Production: built from the migration, then changed by hand (a hotfix typed into a console)
def db = ai.pmoves.it.ItDatabase.create(itPort, basedir)
db.execute(new File(basedir, 'supabase/migrations/20250101000000_notes.sql').text)
db.execute('''
    CREATE TABLE public.hotfix_log (entry text);
    ALTER TABLE public.notes ALTER COLUMN created_at SET DEFAULT now();
    REVOKE INSERT ON public.notes FROM drift_it_reader;
''')
true
