CREATE TABLE public.should_not_exist (id int);
