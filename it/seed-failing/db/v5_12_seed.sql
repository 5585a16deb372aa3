INSERT INTO pmoves_core.personas VALUES ('Developer', 0.3);
