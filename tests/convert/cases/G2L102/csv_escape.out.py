# g2l: converted from jobs/csv_escape.py
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()
QUOTE = "'"

# no escaper: Glue's reader has none, so a backslash stays an ordinary character (desk file paths end in one)
desks = (
    spark.read.format("csv")
    .option("header", True)
    .option("escape", '"')
    .option("inferSchema", True)
    .load(["s3://risk-raw/desks/"])
    .transform(glue_compat.csv_types)
)
# single quotes and no escaper: the quote character escapes itself
notes = (
    spark.read.format("csv")
    .option("header", True)
    .option("quote", "'")
    .option("escape", "'")
    .option("inferSchema", True)
    .load(["s3://risk-raw/notes/"])
    .transform(glue_compat.csv_types)
)
# the quote character known only at run time escapes itself too
memos = (
    spark.read.format("csv")
    .option("header", True)
    .option("quote", QUOTE)
    .option("escape", QUOTE)
    .option("inferSchema", True)
    .load(["s3://risk-raw/memos/"])
    .transform(glue_compat.csv_types)
)
# an escaper of its own: Spark's escape
limits = (
    spark.read.format("csv")
    .option("header", True)
    .option("escape", "\\")
    .option("inferSchema", True)
    .load(["s3://risk-raw/limits/"])
    .transform(glue_compat.csv_types)
)
