import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import ResolveChoice, ApplyMapping
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

customers = glueContext.create_dynamic_frame.from_catalog(database="kyc", table_name="customers_raw")

# the onboarding systems disagree on types: keep both versions of the turnover for the analysts
customers = ResolveChoice.apply(frame=customers, specs=[("annual_turnover", "make_struct")])
customers = ResolveChoice.apply(frame=customers, specs=[("employee_count", "cast:int"), ("risk_score", "project:double")])
customers = customers.resolveChoice(choice="match_catalog", database="kyc", table_name="customers")

customers = ApplyMapping.apply(
    frame=customers,
    mappings=[
        ("customer_id", "string", "customer_id", "string"),
        ("legal_name", "string", "legal_name", "string"),
        ("annual_turnover", "struct", "annual_turnover", "struct"),
        ("employee_count", "int", "employee_count", "int"),
        ("risk_score", "double", "risk_score", "double"),
        ("address.country", "string", "country", "string"),
        ("address.postcode", "string", "postcode", "string"),
    ],
)

glueContext.write_dynamic_frame.from_catalog(frame=customers, database="kyc", table_name="customers")
job.commit()
