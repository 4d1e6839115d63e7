import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import Row

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Basel exposure classes and their default risk weights: small reference data kept in code
classes = [
    Row(exposure_class="SOVEREIGN", default_risk_weight=0.0),
    Row(exposure_class="INSTITUTION", default_risk_weight=0.5),
    Row(exposure_class="CORPORATE", default_risk_weight=1.0),
    Row(exposure_class="RETAIL", default_risk_weight=0.75),
    Row(exposure_class="RESIDENTIAL_MORTGAGE", default_risk_weight=0.35),
]
reference = glueContext.create_dynamic_frame.from_rdd(sc.parallelize(classes), "exposure_classes")

glueContext.write_dynamic_frame.from_catalog(frame=reference, database="risk", table_name="exposure_classes")
job.commit()
