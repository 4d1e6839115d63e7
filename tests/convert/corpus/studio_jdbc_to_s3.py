import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Ratings MySQL
RatingsMySQL_node1712007000001 = glueContext.create_dynamic_frame.from_options(
    connection_type = "mysql",
    connection_options = {
        "useConnectionProperties": "true",
        "dbtable": "ratings.obligor_ratings",
        "connectionName": "ratings-mysql",
    },
    transformation_ctx = "RatingsMySQL_node1712007000001"
)

# Script generated for node Rename Field
RenameField_node1712007000002 = RenameField.apply(frame=RatingsMySQL_node1712007000001, old_name="obligor_no", new_name="counterparty_id", transformation_ctx="RenameField_node1712007000002")

# Script generated for node Select Fields
SelectFields_node1712007000003 = SelectFields.apply(frame=RenameField_node1712007000002, paths=["counterparty_id", "rating_agency", "rating", "rating_date", "outlook"], transformation_ctx="SelectFields_node1712007000003")

# Script generated for node Ratings S3
RatingsS3_node1712007000004 = glueContext.write_dynamic_frame.from_options(frame=SelectFields_node1712007000003, connection_type="s3", format="csv", connection_options={"path": "s3://bank-risk-raw/ratings/", "partitionKeys": ["rating_agency"]}, transformation_ctx="RatingsS3_node1712007000004")

job.commit()
