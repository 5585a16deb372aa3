INSERT INTO pmoves_core.personas VALUES ('Researcher', 0.7);
-- a temperature out of range
INSERT INTO pmoves_core.personas VALUES ('Writer', 0.8),
                                        ('Scientist', 1.6);
