begin;
select plan(2);

select has_table('public', 'reminders', 'reminders exists');
select is((select schedule from cron.job where jobname = 'send-reminders'), '*/5 * * * *',
          'the reminder job is scheduled every five minutes');

select * from finish();
rollback;
