# g2l: converted from jobs/derived_and_now.py
from pyspark.sql import functions as F
import gs_now
import gs_to_timestamp

# Script generated for node Net exposure
DerivedColumn_node1700000000006 = Join_node1700000000005.withColumn("net_exposure", F.expr("ead - collateral_value"))

# Script generated for node Loaded at
AddCurrentTimestamp_node1700000000007 = DerivedColumn_node1700000000006.withColumn("loaded_at", F.current_timestamp())

# Script generated for node Loaded on
# g2l: review G2L405: Glue Studio gs_now with a dateFormat exists only on Glue: as written, it fails on Databricks and the job stops: use withColumn(name, F.date_format(F.current_timestamp(), PATTERN)) with dateFormat's strftime pattern in Spark's notation
AddCurrentTimestamp_node1700000000008 = AddCurrentTimestamp_node1700000000007.gs_now(colName="loaded_on", dateFormat="%Y-%m-%d")

# Script generated for node To Timestamp
# g2l: review G2L405: Glue Studio transform gs_to_timestamp exists only on Glue: as written, it fails on Databricks and the job stops: rewrite it with DataFrame functions
ToTimestamp_node1700000000009 = AddCurrentTimestamp_node1700000000008.gs_to_timestamp(colName="booked_at", colType="iso")
