CREATE TABLE :"app_schema".audit (id int);
COMMENT ON TABLE :"app_schema".audit IS :'app_password';
