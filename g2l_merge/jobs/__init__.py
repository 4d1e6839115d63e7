"""Glue job definitions (`aws glue get-job` JSON, triggers, workflows) as Databricks Asset Bundle jobs."""
