"""Fixtures for the exposure job tests: catalog reads answered from memory, writes recorded."""
from unittest.mock import MagicMock

import pytest
from awsglue.dynamicframe import DynamicFrame, DynamicFrameReader, DynamicFrameWriter


@pytest.fixture
def catalog_rows(spark):
    rows = {}

    def fake_from_catalog(self, database, table_name, *args, **kwargs):
        # rows registered by the test, keyed "database.table"
        df = spark.createDataFrame(rows[f"{database}.{table_name}"])
        return DynamicFrame.fromDF(df, self._glue_context, "fake")

    DynamicFrameReader.from_catalog = fake_from_catalog
    return rows


@pytest.fixture
def written():
    DynamicFrameWriter.from_options = MagicMock()
    return DynamicFrameWriter.from_options
