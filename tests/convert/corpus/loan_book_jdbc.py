import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import ApplyMapping
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "jdbc_url", "secret_user", "secret_password"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

connection_options = {
    "url": args["jdbc_url"],
    "dbtable": "dbo.LoanBook",
    "user": args["secret_user"],
    "password": args["secret_password"],
    "hashfield": "LoanId",
    "hashpartitions": "8",
}
loans = glueContext.create_dynamic_frame.from_options(
    connection_type="sqlserver",
    connection_options=connection_options,
    transformation_ctx="loans",
)

loans = ApplyMapping.apply(
    frame=loans,
    mappings=[
        ("LoanId", "int", "loan_id", "bigint"),
        ("BorrowerId", "int", "borrower_id", "bigint"),
        ("Principal", "decimal", "principal", "decimal(18,2)"),
        ("OutstandingBalance", "decimal", "outstanding_balance", "decimal(18,2)"),
        ("InterestRate", "decimal", "interest_rate", "double"),
        ("OriginationDate", "timestamp", "origination_date", "date"),
        ("MaturityDate", "timestamp", "maturity_date", "date"),
        ("DaysPastDue", "int", "days_past_due", "int"),
    ],
    transformation_ctx="loans_mapped",
)

glueContext.write_dynamic_frame.from_catalog(
    frame=loans, database="credit", table_name="loan_book", transformation_ctx="write_loans"
)
job.commit()
