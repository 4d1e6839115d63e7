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

# Script generated for node Payment events
Paymentevents_node1712010000001 = glueContext.create_dynamic_frame.from_options(
    format_options={"multiline": False},
    connection_type="s3",
    format="json",
    connection_options={
        "paths": ["s3://bank-risk-raw/payments/events/"],
        "recurse": True,
    },
    transformation_ctx="Paymentevents_node1712010000001",
)

# Script generated for node Change Schema
ChangeSchema_node1712010000002 = ApplyMapping.apply(
    frame=Paymentevents_node1712010000001,
    mappings=[
        ("event_id", "string", "event_id", "string"),
        ("payment.id", "string", "payment_id", "string"),
        ("payment.amount.value", "double", "amount", "decimal(18,2)"),
        ("payment.amount.currency", "string", "currency", "string"),
        ("payment.debtor.iban", "string", "debtor_iban", "string"),
        ("payment.creditor.iban", "string", "creditor_iban", "string"),
        ("payment.creditor.country", "string", "creditor_country", "string"),
        ("event_time", "string", "event_time", "timestamp"),
    ],
    transformation_ctx="ChangeSchema_node1712010000002",
)

# Script generated for node Cross-border only
Crossborderonly_node1712010000003 = Filter.apply(
    frame=ChangeSchema_node1712010000002,
    f=lambda row: (row["creditor_country"] != "GB"),
    transformation_ctx="Crossborderonly_node1712010000003",
)

# Script generated for node Payments catalog
Paymentscatalog_node1712010000004 = glueContext.getSink(
    path="s3://bank-risk-curated/payments/cross_border/",
    connection_type="s3",
    updateBehavior="UPDATE_IN_DATABASE",
    partitionKeys=["currency"],
    enableUpdateCatalog=True,
    transformation_ctx="Paymentscatalog_node1712010000004",
)
Paymentscatalog_node1712010000004.setCatalogInfo(
    catalogDatabase="payments", catalogTableName="cross_border_payments"
)
Paymentscatalog_node1712010000004.setFormat("glueparquet", compression="snappy")
Paymentscatalog_node1712010000004.writeFrame(Crossborderonly_node1712010000003)
job.commit()
