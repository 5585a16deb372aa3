-- Writes, and sees what it wrote: the transaction around the file is rolled back after it
select plan(2);

insert into public.notes (author, body) values ('alice', 'written by a test');
select is((select count(*)::int from public.notes), 1, 'the test sees its own note');

create table public.scratch (id int);
select has_table('public', 'scratch', 'and its own table');
