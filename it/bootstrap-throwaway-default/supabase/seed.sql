select vault.create_secret('http://host.docker.internal:54321/functions/v1', 'functions_url');

insert into public.events (title, starts_at, poster_path)
values ('Launch party', now() + interval '7 days', 'posters/launch.jpg');

insert into public.tickets (event_id) select id from public.events;
