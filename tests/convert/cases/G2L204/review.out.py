# g2l: converted from jobs/review.py
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
glueContext = spark  # g2l: kept for the Glue calls left for review

# the sink is also logged: not the four Studio statements alone
# g2l: review G2L204: the sink logged is used in ways the four Glue Studio statements do not cover: convert it by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
logged = glueContext.getSink(path="s3://risk-curated/a/", connection_type="s3", enableUpdateCatalog=True)
# g2l: review G2L204: part of the Glue sink logged, left as written (see its getSink, where the job stops)
logged.setCatalogInfo(catalogDatabase="risk", catalogTableName="a")
# g2l: review G2L204: part of the Glue sink logged, left as written (see its getSink, where the job stops)
logged.setFormat("glueparquet")
# g2l: review G2L204: part of the Glue sink logged, left as written (see its getSink, where the job stops)
logged.writeFrame(trades)
print(logged)

# no writeFrame: nothing to write
# g2l: review G2L204: the sink unused never writes (no writeFrame): convert it by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
unused = glueContext.getSink(path="s3://risk-curated/b/", connection_type="s3")
# g2l: review G2L204: part of the Glue sink unused, left as written (see its getSink, where the job stops)
unused.setFormat("parquet")

# a database sink through a Glue connection
# g2l: review G2L204: a getSink for "postgresql" (only S3 sinks convert): convert it by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
to_pg = glueContext.getSink(connection_type="postgresql", connectionName="risk-pg", dbtable="public.t")
# g2l: review G2L204: part of the Glue sink to_pg, left as written (see its getSink, where the job stops)
to_pg.writeFrame(trades)

# options a Delta table cannot take as they are
# g2l: review G2L204: getSink options blockSize not understood: convert it by hand: left as written, it fails on Databricks (no GlueContext there), so the job stops here
odd = glueContext.getSink(path="s3://risk-curated/c/", connection_type="s3", enableUpdateCatalog=True,
                          blockSize=134217728)
# g2l: review G2L204: part of the Glue sink odd, left as written (see its getSink, where the job stops)
odd.setCatalogInfo(catalogDatabase="risk", catalogTableName="c")
# g2l: review G2L204: part of the Glue sink odd, left as written (see its getSink, where the job stops)
odd.writeFrame(trades)
