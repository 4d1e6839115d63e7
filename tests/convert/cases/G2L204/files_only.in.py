# case-config: {"catalog": "main", "paths": {"s3://risk-curated/": "/Volumes/prod/risk/curated/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# no catalog table: a file write to the mapped path
extract = glueContext.getSink(path="s3://risk-curated/extract/", connection_type="s3", partitionKeys=["desk"])
extract.setFormat("csv", separator="|")
extract.writeFrame(positions)
