-- written after the platform upgraded pgmq
alter extension pgmq update;
