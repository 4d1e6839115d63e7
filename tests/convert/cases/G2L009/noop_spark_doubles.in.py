"""Fixtures that patch Spark's own reader: nothing Glue to convert."""
import pytest
from pyspark.sql import DataFrameReader


@pytest.fixture
def tables(spark, monkeypatch):
    rows = {}

    def fake_table(self, name):
        return spark.createDataFrame(rows[name])

    monkeypatch.setattr(DataFrameReader, "table", fake_table)
    return rows
