import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["RISK_DB_PASSWORD"])
glueContext = GlueContext(SparkContext.getOrCreate())

# collateral valuations from the risk store
valuations = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": "jdbc:postgresql://risk-store:5432/collateral",
        # "dbtable": "public.valuations_v1",
        "dbtable": "public.valuations",  # v2 since the haircut review
        "user": "risk_etl",
        "password": args["RISK_DB_PASSWORD"],
    },  # no partitioning: the table is small
)  # read once a day
