# g2l: converted from jobs/fallback_binds_glue_name.py
import os
from pyspark.sql import SparkSession
import glue_compat

# g2l: the awsglue imports of this branch succeeded on Glue only: it runs on a Databricks cluster now (DATABRICKS_RUNTIME_VERSION is set), the ImportError fallback elsewhere (a local run)
# g2l: review G2L007: the ImportError fallback rebinds what an awsglue import bound, and code below still tests it: on Databricks GlueContext is glue_compat.SessionContext (a stand-in): as converted, code that tests it takes the path it took on Glue: check what that code does with it
if "DATABRICKS_RUNTIME_VERSION" in os.environ:
    GlueContext = glue_compat.SessionContext
else:
    GlueContext = None  # not on Glue


def limits_session(sc):
    if GlueContext is None:
        return SparkSession.builder.master("local[2]").getOrCreate()
    return SparkSession.builder.getOrCreate()
