from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

risk.write.mode("append").format("jdbc").option("url", url).option("dbtable", "public.risk").save()
other.write_dynamic_frame.from_jdbc_conf(frame=risk, catalog_connection="risk-pg")
