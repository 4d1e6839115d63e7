# g2l: converted from jobs/computed_names.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
import sys
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["database", "env"])
spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# g2l: review G2L101: the database is computed at run time: as converted, its value is the schema name as it is ([convert] databases overrides and backticks could not apply): check the Unity Catalog schema
by_argument = spark.read.table(f'main.{args["database"]}.trades')
# g2l: review G2L101: the database is computed at run time: as converted, its value is the schema name as it is ([convert] databases overrides and backticks could not apply): check the Unity Catalog schema
by_fstring = spark.read.table(f"main.risk_{args['env']}.trades")
for table in ["trades", "positions"]:
    # the database is fixed, only the table varies: the override still applies
    frame = spark.read.table(f"prod.risk.{table}")
# g2l: review G2L101: the database is computed at run time: as converted, its value is the schema name as it is ([convert] databases overrides and backticks could not apply): check the Unity Catalog schema
expression = spark.read.table(f'main.{names["db"] + suffix}.{t["x"]}')
# both quote characters in one name: no f-string can hold it, so the read stays as written
# g2l: review G2L101: database and table_name not understood: read the table with spark.read.table by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
unusable = glueContext.create_dynamic_frame.from_catalog(database=names['a'] + names["b"], table_name="trades")
