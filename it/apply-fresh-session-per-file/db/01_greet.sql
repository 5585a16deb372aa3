INSERT INTO greetings SELECT hello(), current_setting('search_path'), 'seed';
