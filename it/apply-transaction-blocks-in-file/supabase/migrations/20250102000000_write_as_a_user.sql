-- Act as a signed-in user for one block, as Supabase's own tests do
begin;
select set_config('role', 'authenticated', true);
insert into public.journal (entry) values ('as a user');
end;

-- Back to the owner: authenticated may not write the audit table
insert into public.audit values ('written by the owner');
insert into public.journal (entry) values ('as the owner');
