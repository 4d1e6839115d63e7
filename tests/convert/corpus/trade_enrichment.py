import sys

import awsglue.transforms as T
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

trades = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades_raw")
books = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="book_hierarchy")
products = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="product_catalogue")

books = T.RenameField.apply(frame=books, old_name="book_id", new_name="book_key")
with_books = T.Join.apply(trades, books, ["book_id"], ["book_key"])
with_books = T.DropFields.apply(frame=with_books, paths=["book_key"])

enriched = T.Join.apply(
    frame1=with_books, frame2=products, keys1=["product_code"], keys2=["product_code"]
).drop_fields(["`.product_code`"])

enriched = T.ApplyMapping.apply(
    frame=enriched,
    mappings=[
        ("trade_id", "string", "trade_id", "string"),
        ("book_id", "string", "book_id", "string"),
        ("desk", "string", "desk", "string"),
        ("legal_entity", "string", "legal_entity", "string"),
        ("product_code", "string", "product_code", "string"),
        ("asset_class", "string", "asset_class", "string"),
        ("notional", "decimal(18,2)", "notional", "decimal(18,2)"),
        ("trade_date", "string", "trade_date", "date"),
        ("maturity_date", "string", "maturity_date", "date"),
    ],
)

glueContext.write_dynamic_frame.from_catalog(frame=enriched, database="risk", table_name="trades_enriched")
job.commit()
