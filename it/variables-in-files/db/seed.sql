INSERT INTO :"app_schema".notes (body) VALUES ('from the seed for ' || :'tenant');
COMMENT ON TABLE :"app_schema".notes IS :'api_key';
