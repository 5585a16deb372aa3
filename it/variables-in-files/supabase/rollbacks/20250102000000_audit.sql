DROP TABLE :"app_schema".audit;
