import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsgluedq.transforms import EvaluateDataQuality

args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node FINREP exposures
FINREPexposures_node1712008000001 = glueContext.create_dynamic_frame.from_catalog(database="regulatory", table_name="finrep_exposures", transformation_ctx="FINREPexposures_node1712008000001")

# Script generated for node Evaluate Data Quality
EvaluateDataQuality_node1712008000002_ruleset = """
    # Example rules: Completeness "colA" between 0.4 and 0.8, ColumnCount > 10
    Rules = [
        IsComplete "exposure_id",
        IsUnique "exposure_id",
        ColumnValues "gross_carrying_amount" >= 0,
        ColumnValues "stage" in [1, 2, 3],
        RowCount > 1000
    ]
"""

EvaluateDataQuality_node1712008000002 = EvaluateDataQuality().process_rows(frame=FINREPexposures_node1712008000001, ruleset=EvaluateDataQuality_node1712008000002_ruleset, publishing_options={"dataQualityEvaluationContext": "EvaluateDataQuality_node1712008000002", "enableDataQualityCloudWatchMetrics": True, "enableDataQualityResultsPublishing": True}, additional_options={"observations.scope":"ALL","performanceTuning.caching":"CACHE_NOTHING"})

# Script generated for node ruleOutcomes
ruleOutcomes_node1712008000003 = SelectFromCollection.apply(dfc=EvaluateDataQuality_node1712008000002, key="ruleOutcomes", transformation_ctx="ruleOutcomes_node1712008000003")

# Script generated for node rowLevelOutcomes
rowLevelOutcomes_node1712008000004 = SelectFromCollection.apply(dfc=EvaluateDataQuality_node1712008000002, key="rowLevelOutcomes", transformation_ctx="rowLevelOutcomes_node1712008000004")

# Script generated for node Rule outcomes S3
RuleoutcomesS3_node1712008000005 = glueContext.write_dynamic_frame.from_options(frame=ruleOutcomes_node1712008000003, connection_type="s3", format="json", connection_options={"path": "s3://bank-risk-dq/finrep/rule_outcomes/", "partitionKeys": []}, transformation_ctx="RuleoutcomesS3_node1712008000005")

# Script generated for node Passed rows
Passedrows_node1712008000006 = glueContext.write_dynamic_frame.from_options(frame=rowLevelOutcomes_node1712008000004, connection_type="s3", format="glueparquet", connection_options={"path": "s3://bank-risk-dq/finrep/rows/", "partitionKeys": []}, format_options={"compression": "snappy"}, transformation_ctx="Passedrows_node1712008000006")

job.commit()
