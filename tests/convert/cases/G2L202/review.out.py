# g2l: converted from jobs/review.py
# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# g2l: review G2L202: the database is computed at run time: as converted, its value is the schema name as it is ([convert] databases overrides and backticks could not apply): check the Unity Catalog schema
risk.write.mode("append").saveAsTable(f'main.{args["db"]}.exposures')
# g2l: review G2L202: catalog_id "123456789012" named another account's Glue catalog: as converted, the table of that name in this workspace's catalog is used: check the Unity Catalog name
risk.write.mode("append").saveAsTable("prod.risk.t")
# g2l: review G2L202: additional_options mergeSchema not understood: convert this write by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
glueContext.write_dynamic_frame.from_catalog(
    frame=risk, database="risk", table_name="t", additional_options={"mergeSchema": "true"})
# g2l: review G2L202: additional_options is not a literal dict: write with saveAsTable by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
glueContext.write_dynamic_frame.from_catalog(frame=risk, database="risk", table_name="t", additional_options=opts)
# g2l: review G2L202: this catalog write has no frame: convert it by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
glueContext.write_dynamic_frame.from_catalog(database="risk", table_name="t")
