import java.nio.file.Files

// A fresh, empty database for this IT
ai.pmoves.it.ItDatabase.create(itPort, basedir)
// supabase/migrations/20250102000000_shared.sql links to a file beside the project, not in it
def outside = new File(basedir.parentFile, 'apply-link-outside-project-shared.sql')
outside.text = 'CREATE TABLE public.shared (id int);\n'
def link = new File(basedir, 'supabase/migrations/20250102000000_shared.sql').toPath()
Files.deleteIfExists(link)
Files.createSymbolicLink(link, outside.toPath())
true
