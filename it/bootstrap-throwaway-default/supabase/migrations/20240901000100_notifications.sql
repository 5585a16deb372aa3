create extension if not exists pg_cron;

create trigger "ticket-issued" after insert on public.tickets for each row
execute function supabase_functions.http_request(
  'http://host.docker.internal:54321/functions/v1/ticket-issued', 'POST',
  '{"Content-Type":"application/json"}', '{}', '2000');

select cron.schedule('reminders', '0 9 * * *', $$
  select net.http_post(
    url := (select decrypted_secret from vault.decrypted_secrets where name = 'functions_url') || '/reminders')
$$);
