-- Needs the Supabase roles: excluded in this build
GRANT SELECT ON pmoves_core.personas TO anon;
