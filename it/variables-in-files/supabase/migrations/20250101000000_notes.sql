CREATE TABLE :"app_schema".notes (body text, tenant text DEFAULT :'tenant', tags text[]);
INSERT INTO :"app_schema".notes (body, tags) VALUES (:'greeting', ARRAY['a', 'b', 'c', 'd']), (':greeting', NULL);
UPDATE :"app_schema".notes SET tags = tags[1:2] || tags[:keep:4] WHERE tags IS NOT NULL;
