"""Glue PySpark to Databricks PySpark: one parse per file, every rule over that tree."""
