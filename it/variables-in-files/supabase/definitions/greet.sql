CREATE OR REPLACE FUNCTION :"app_schema".greet() RETURNS text LANGUAGE sql AS $$ SELECT ':greeting'::text $$;
COMMENT ON FUNCTION :"app_schema".greet() IS :'greeting';
