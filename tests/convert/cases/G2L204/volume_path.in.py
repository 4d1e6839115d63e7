# case-config: {"catalog": "main", "paths": {"s3://risk-curated/": "/Volumes/prod/risk/curated/"}}
from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())


def publish(limits):
    # the path maps into a Volume: no table can live there
    sink = glueContext.getSink(
        path="s3://risk-curated/limits/",
        connection_type="s3",
        updateBehavior="LOG",
        partitionKeys=["desk"],
        enableUpdateCatalog=True,
    )
    sink.setCatalogInfo(catalogDatabase="risk", catalogTableName="limits")
    sink.setFormat("glueparquet")
    sink.writeFrame(limits)
