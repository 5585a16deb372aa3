-- The key the job sends; an existing secret of that name is kept.
do $$
begin
  perform vault.create_secret('local-cron-key', 'cron_key');
exception when others then
  raise notice 'cron_key already stored: %', sqlerrm;
end
$$;

select cron.unschedule('roll-up')
where exists (select 1 from cron.job where jobname = 'roll-up');

select cron.schedule('roll-up', '5 0 * * *', $$ select public.roll_up_yesterday() $$);

select cron.schedule(
  'warm-cache',
  '*/10 * * * *',
  $$
  select net.http_post(
    url := 'http://functions.internal:9000/functions/v1/warm-cache',
    headers := jsonb_build_object(
      'Content-Type', 'application/json',
      'X-Cron-Key', (select decrypted_secret from vault.decrypted_secrets where name = 'cron_key')
    ),
    body := jsonb_build_object('at', now())
  ) as request_id;
  $$
);

-- Paused until the cache service ships.
select cron.alter_job((select jobid from cron.job where jobname = 'warm-cache'), active := false);
