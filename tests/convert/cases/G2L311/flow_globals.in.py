from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def with_retail(extra):
    # retail is a DynamicFrame wherever the module sets it: converted
    return retail.union(extra)


def with_corporate(extra):
    # corporate is a DynamicFrame, then a DataFrame: review
    return corporate.union(extra)


retail = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="retail")
corporate = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="corporate")
corporate = corporate.toDF()
