alter type mood add value 'great';
commit;
insert into public.journal (entry, feeling) values ('a new value', 'great');
