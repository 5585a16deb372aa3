// A fresh, empty database for this IT
ai.pmoves.it.ItDatabase.create(itPort, basedir)

// The seed: two statements that take effect, then a 200 MB line, which the 64 MB heap cannot hold. Written here, not
// kept in the repository, and deleted by verify.groovy.
def seed = new File(basedir, 'db/v1_big_seed.sql')
seed.parentFile.mkdirs()
seed.withWriter('UTF-8') { w ->
    w.write("CREATE TABLE public.before_the_long_line (id int);\n")
    w.write("INSERT INTO public.before_the_long_line VALUES (1);\n")
    w.write("INSERT INTO public.before_the_long_line SELECT length('")
    def megabyte = 'x' * (1 << 20)
    200.times { w.write(megabyte) }
    w.write("');\n")
}
true
