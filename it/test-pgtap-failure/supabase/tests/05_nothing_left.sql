select plan(1);
select is_empty('select * from public.accounts', 'no account of the test before');
