# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Script generated for node Data Catalog table
DataCatalogtable_node1 = glueContext.create_dynamic_frame.from_catalog(
    database="risk",
    table_name="trades_raw",
    transformation_ctx="DataCatalogtable_node1",
)

# Script generated for node Amazon S3
AmazonS3_node3 = glueContext.getSink(
    path="s3://risk-curated/trades/",
    connection_type="s3",
    updateBehavior="UPDATE_IN_DATABASE",
    partitionKeys=["day"],
    enableUpdateCatalog=True,
    transformation_ctx="AmazonS3_node3",
)
AmazonS3_node3.setCatalogInfo(catalogDatabase="risk", catalogTableName="trades")
AmazonS3_node3.setFormat("glueparquet", compression="snappy")
AmazonS3_node3.writeFrame(DataCatalogtable_node1)
job.commit()
