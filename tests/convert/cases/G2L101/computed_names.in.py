# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["database", "env"])
glueContext = GlueContext(SparkContext.getOrCreate())

by_argument = glueContext.create_dynamic_frame.from_catalog(database=args["database"], table_name="trades")
by_fstring = glueContext.create_dynamic_frame.from_catalog(database=f"risk_{args['env']}", table_name="trades")
for table in ["trades", "positions"]:
    # the database is fixed, only the table varies: the override still applies
    frame = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name=table)
expression = glueContext.create_dynamic_frame.from_catalog(database=names["db"] + suffix, table_name=f'{t["x"]}')
# both quote characters in one name: no f-string can hold it, so the read stays as written
unusable = glueContext.create_dynamic_frame.from_catalog(database=names['a'] + names["b"], table_name="trades")
