# g2l: converted from jobs/reader_writer_doubles.py
"""Fixtures for the exposure job tests: catalog reads answered from memory, writes recorded."""
from unittest.mock import MagicMock

import pytest
from pyspark.sql import DataFrameReader
from pyspark.sql import DataFrameWriter


@pytest.fixture
def catalog_rows(spark):
    rows = {}

    def fake_from_catalog(self, database, table_name, *args, **kwargs):
        # rows registered by the test, keyed "database.table"
        df = spark.createDataFrame(rows[f"{database}.{table_name}"])
        return df

    # g2l: review G2L009: this test double patched DynamicFrameReader.from_catalog; converted jobs call DataFrameReader.table instead, so it patches that now: as converted, a double whose parameters differ fails when the job calls it: check its parameters
    DataFrameReader.table = fake_from_catalog
    return rows


@pytest.fixture
def written():
    # g2l: review G2L009: this test double patched DynamicFrameWriter.from_options; converted jobs call DataFrameWriter.save instead, so it patches that now: as converted, a double whose parameters differ fails when the job calls it: check its parameters
    DataFrameWriter.save = MagicMock()
    return DataFrameWriter.save
