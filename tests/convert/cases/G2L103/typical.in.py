import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["DB_PASSWORD"])
glueContext = GlueContext(SparkContext.getOrCreate())

# open orders from the shop database
orders = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": "jdbc:postgresql://shop-db:5432/shop",
        "dbtable": "public.orders",
        "user": "etl",
        "password": args["DB_PASSWORD"],
    },
)
