from awsglue.context import GlueContext
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

# the sink is also logged: not the four Studio statements alone
logged = glueContext.getSink(path="s3://risk-curated/a/", connection_type="s3", enableUpdateCatalog=True)
logged.setCatalogInfo(catalogDatabase="risk", catalogTableName="a")
logged.setFormat("glueparquet")
logged.writeFrame(trades)
print(logged)

# no writeFrame: nothing to write
unused = glueContext.getSink(path="s3://risk-curated/b/", connection_type="s3")
unused.setFormat("parquet")

# a database sink through a Glue connection
to_pg = glueContext.getSink(connection_type="postgresql", connectionName="risk-pg", dbtable="public.t")
to_pg.writeFrame(trades)

# options a Delta table cannot take as they are
odd = glueContext.getSink(path="s3://risk-curated/c/", connection_type="s3", enableUpdateCatalog=True,
                          blockSize=134217728)
odd.setCatalogInfo(catalogDatabase="risk", catalogTableName="c")
odd.writeFrame(trades)
