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

# Default ruleset used by all target nodes with data quality enabled
DEFAULT_DATA_QUALITY_RULESET = """
    Rules = [
        ColumnCount > 0
    ]
"""

# Script generated for node Credit limits
Creditlimits_node1712100000001 = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="credit_limits", transformation_ctx="Creditlimits_node1712100000001")

# Script generated for node Limit checks
Limitchecks_node1712100000002_ruleset = """
    # Example rules: Completeness "colA" between 0.4 and 0.8, ColumnCount > 10
    Rules = [
        IsPrimaryKey "limit_id",
        IsComplete "counterparty_id",
        ColumnValues "limit_amount" > 0,
        ColumnValues "currency" in ["EUR", "USD", "GBP", "CHF"],
        Uniqueness "facility_id" > 0.95,
        RowCount between 1000 and 5000000
    ]
"""

Limitchecks_node1712100000002 = EvaluateDataQuality().process_rows(frame=Creditlimits_node1712100000001, ruleset=Limitchecks_node1712100000002_ruleset, publishing_options={"dataQualityEvaluationContext": "Limitchecks_node1712100000002", "enableDataQualityCloudWatchMetrics": True, "enableDataQualityResultsPublishing": True}, additional_options={"observations.scope":"ALL","performanceTuning.caching":"CACHE_NOTHING"})

assert Limitchecks_node1712100000002[EvaluateDataQuality.DATA_QUALITY_RULE_OUTCOMES_KEY].filter(lambda x: x["Outcome"] == "Failed").count() == 0, "The job failed due to failing DQ rules for node: Creditlimits_node1712100000001"

# Script generated for node originalData
originalData_node1712100000003 = SelectFromCollection.apply(dfc=Limitchecks_node1712100000002, key="originalData", transformation_ctx="originalData_node1712100000003")

# Script generated for node Limits checked
Limitschecked_node1712100000004 = glueContext.write_dynamic_frame.from_catalog(frame=originalData_node1712100000003, database="risk", table_name="credit_limits_checked", additional_options={"enableUpdateCatalog": True, "updateBehavior": "UPDATE_IN_DATABASE"}, transformation_ctx="Limitschecked_node1712100000004")

# Script generated for node Limits S3
EvaluateDataQuality().process_rows(frame=originalData_node1712100000003, ruleset=DEFAULT_DATA_QUALITY_RULESET, publishing_options={"dataQualityEvaluationContext": "EvaluateDataQuality_node1712100000005", "enableDataQualityResultsPublishing": True}, additional_options={"dataQualityResultsPublishing.strategy": "BEST_EFFORT", "observations.scope": "ALL"})
LimitsS3_node1712100000006 = glueContext.write_dynamic_frame.from_options(frame=originalData_node1712100000003, connection_type="s3", format="glueparquet", connection_options={"path": "s3://bank-risk-curated/credit_limits/", "partitionKeys": ["as_of_date"]}, format_options={"compression": "snappy"}, transformation_ctx="LimitsS3_node1712100000006")

job.commit()
