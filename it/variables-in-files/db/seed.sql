INSERT INTO :"app_schema".notes (body) VALUES ('from the seed for ' || :'tenant');
