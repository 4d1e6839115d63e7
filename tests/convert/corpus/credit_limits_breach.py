import sys
from datetime import date

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import Filter, Join, SelectFields
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "report_bucket"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

limits = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="credit_limits")
utilisation = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="limit_utilisation")

limit_view = Join.apply(frame1=limits, frame2=utilisation, keys1=["limit_id"], keys2=["limit_id"])

# a limit is in breach when utilisation exceeds the approved amount
breaches = Filter.apply(
    frame=limit_view,
    f=lambda row: row["utilised_amount"] > row["approved_amount"],
)
warnings = Filter.apply(
    frame=limit_view,
    f=lambda row: row["utilised_amount"] > 0.9 * row["approved_amount"] and row["status"] == "ACTIVE",
)

report_columns = ["limit_id", "counterparty_id", "approved_amount", "utilised_amount", "currency"]
breach_report = SelectFields.apply(frame=breaches, paths=report_columns)
warning_report = SelectFields.apply(frame=warnings, paths=report_columns)

today = date.today().isoformat()
for name, report in (("breaches", breach_report), ("warnings", warning_report)):
    glueContext.write_dynamic_frame.from_options(
        frame=report.repartition(1),
        connection_type="s3",
        connection_options={"path": f"s3://{args['report_bucket']}/limits/{name}/{today}/"},
        format="csv",
        format_options={"writeHeader": True, "separator": ","},
    )

print(f"breaches: {breach_report.count()}, warnings: {warning_report.count()}")
job.commit()
