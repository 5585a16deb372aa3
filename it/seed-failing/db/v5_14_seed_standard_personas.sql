INSERT INTO pmoves_core.personas VALUES ('Analyst', 0.2);
