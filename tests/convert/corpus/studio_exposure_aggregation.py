import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import functions as SqlFuncs

def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DynamicFrame:
    aggsFuncs = []
    for column, func in aggs:
        aggsFuncs.append(getattr(SqlFuncs, func)(column))
    result = parentFrame.toDF().groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.toDF().agg(*aggsFuncs)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)

args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Exposures S3
ExposuresS3_node1712001000001 = glueContext.create_dynamic_frame.from_options(format_options={"quoteChar": "\"", "withHeader": True, "separator": ",", "optimizePerformance": False}, connection_type="s3", format="csv", connection_options={"paths": ["s3://bank-risk-raw/exposures/daily/"], "recurse": True}, transformation_ctx="ExposuresS3_node1712001000001")

# Script generated for node Change Schema
ChangeSchema_node1712001000002 = ApplyMapping.apply(frame=ExposuresS3_node1712001000001, mappings=[("exposure_id", "string", "exposure_id", "string"), ("counterparty_id", "string", "counterparty_id", "string"), ("legal_entity", "string", "legal_entity", "string"), ("desk", "string", "desk", "string"), ("product_type", "string", "product_type", "string"), ("exposure_class", "string", "exposure_class", "string"), ("currency", "string", "currency", "string"), ("notional", "string", "notional", "double"), ("mtm", "string", "mtm", "double"), ("pfe", "string", "pfe", "double"), ("ead", "string", "ead", "double"), ("pd", "string", "pd", "double"), ("lgd", "string", "lgd", "double"), ("rating", "string", "rating", "string"), ("country", "string", "country", "string"), ("sector", "string", "sector", "string"), ("as_of_date", "string", "as_of_date", "date")], transformation_ctx="ChangeSchema_node1712001000002")

# Script generated for node Aggregate
Aggregate_node1712001000003 = sparkAggregate(glueContext, parentFrame = ChangeSchema_node1712001000002, groups = ["legal_entity", "exposure_class", "as_of_date"], aggs = [["ead", "sum"], ["exposure_id", "count"], ["pd", "avg"]], transformation_ctx = "Aggregate_node1712001000003")

# Script generated for node Rename Field
RenameField_node1712001000004 = RenameField.apply(frame=Aggregate_node1712001000003, old_name="`sum(ead)`", new_name="total_ead", transformation_ctx="RenameField_node1712001000004")

# Script generated for node Exposure Summary
ExposureSummary_node1712001000005 = glueContext.getSink(path="s3://bank-risk-curated/exposure_summary/", connection_type="s3", updateBehavior="UPDATE_IN_DATABASE", partitionKeys=["as_of_date"], enableUpdateCatalog=True, transformation_ctx="ExposureSummary_node1712001000005")
ExposureSummary_node1712001000005.setCatalogInfo(catalogDatabase="risk",catalogTableName="exposure_summary")
ExposureSummary_node1712001000005.setFormat("glueparquet", compression="snappy")
ExposureSummary_node1712001000005.writeFrame(RenameField_node1712001000004)
job.commit()
