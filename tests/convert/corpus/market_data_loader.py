import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "vendor", "business_date"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

prices = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={
        "paths": [f"s3://bank-risk-raw/market_data/{args['vendor']}/{args['business_date']}/"],
        "recurse": True,
        "groupFiles": "inPartition",
        "groupSize": "134217728",
        "exclusions": ["**.tmp", "**/_manifest.json"],
    },
    format="csv",
    format_options={"withHeader": True, "separator": "|", "quoteChar": '"'},
    transformation_ctx="prices",
)

# vendor files mix numeric and text values in the price column ("N/A", "#N/A")
prices = ResolveChoice.apply(frame=prices, choice="make_cols", transformation_ctx="prices_resolved")
prices = ApplyMapping.apply(
    frame=prices,
    mappings=[
        ("instrument_id", "string", "instrument_id", "string"),
        ("price_double", "double", "close_price", "double"),
        ("ccy", "string", "currency", "string"),
        ("price_date", "string", "price_date", "date"),
    ],
    transformation_ctx="prices_mapped",
)

glueContext.write_dynamic_frame.from_options(
    frame=prices,
    connection_type="s3",
    connection_options={"path": "s3://bank-risk-curated/market_data/prices/", "partitionKeys": ["price_date"]},
    format="glueparquet",
    format_options={"compression": "snappy"},
    transformation_ctx="write_prices",
)
job.commit()
