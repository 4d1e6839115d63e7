from unittest.mock import Mock

import pytest
from awsglue.context import GlueContext
from pyspark.context import SparkContext


@pytest.fixture
def glue_context_stub():
    glue_context = GlueContext(SparkContext.getOrCreate())
    # reads and writes never reach the catalog or S3 in unit tests
    glue_context.create_dynamic_frame_from_catalog = Mock(name="read_trades")
    glue_context.write_dynamic_frame_from_options = Mock(name="write_exposures")
    yield glue_context
