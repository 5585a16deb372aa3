-- in seedExcludes: must not run
CREATE TABLE pmoves_core.must_not_exist (id int);
