import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsgluedq.transforms import EvaluateDataQuality
from awsglue import DynamicFrame

def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(query)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Default ruleset used by all target nodes with data quality enabled
DEFAULT_DATA_QUALITY_RULESET = """
    Rules = [
        ColumnCount > 0
    ]
"""

# Script generated for node Credit Limits
CreditLimits_node1712002000001 = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="credit_limits", transformation_ctx="CreditLimits_node1712002000001")

# Script generated for node Utilisation
Utilisation_node1712002000002 = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limit_utilisation", transformation_ctx="Utilisation_node1712002000002")

# Script generated for node Headroom
SqlQuery0 = '''
select l.limit_id, l.counterparty_id, l.approved_amount, u.utilised_amount,
       l.approved_amount - u.utilised_amount as headroom,
       u.utilised_amount / l.approved_amount as utilisation
from limits l join utilisation u on l.limit_id = u.limit_id
where l.status = 'ACTIVE'
'''
Headroom_node1712002000003 = sparkSqlQuery(glueContext, query = SqlQuery0, mapping = {"limits":CreditLimits_node1712002000001, "utilisation":Utilisation_node1712002000002}, transformation_ctx = "Headroom_node1712002000003")

# Script generated for node Near Breach
NearBreach_node1712002000004 = Filter.apply(frame=Headroom_node1712002000003, f=lambda row: (row["utilisation"] >= 0.9), transformation_ctx="NearBreach_node1712002000004")

# Script generated for node Limit Report
EvaluateDataQuality().process_rows(frame=NearBreach_node1712002000004, ruleset=DEFAULT_DATA_QUALITY_RULESET, publishing_options={"dataQualityEvaluationContext": "EvaluateDataQuality_node1712002000000", "enableDataQualityResultsPublishing": True}, additional_options={"dataQualityResultsPublishing.strategy": "BEST_EFFORT", "observations.scope": "ALL"})
LimitReport_node1712002000005 = glueContext.write_dynamic_frame.from_options(frame=NearBreach_node1712002000004, connection_type="s3", format="json", connection_options={"path": "s3://bank-risk-reports/limits/near_breach/", "partitionKeys": []}, transformation_ctx="LimitReport_node1712002000005")

job.commit()
