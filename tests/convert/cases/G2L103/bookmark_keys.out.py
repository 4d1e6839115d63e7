# g2l: converted from jobs/bookmark_keys.py
import sys
from databricks.sdk.runtime import dbutils
from pyspark.sql import SparkSession
import glue_compat

args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "DB_URL"])
spark = SparkSession.builder.getOrCreate()
job = glue_compat.Job(spark, bookmarks="/Volumes/main/g2l/g2l_bookmarks")
job.init(args["JOB_NAME"], args)

# settlements past the last committed (settled_at, settlement_id); limits by the table's primary key
# g2l: review G2L103: the URL and credentials were in Glue connection "risk-pg": keep them in secret scope "risk-pg" (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops
settlements = (
    glue_compat.bookmarked(spark, "settlements", keys=["settled_at", "settlement_id"], sort_order="asc").format("jdbc")
    .option("url", args["DB_URL"])
    .option("dbtable", "public.settlements")
    .option("user", dbutils.secrets.get("risk-pg", "user"))
    .option("password", dbutils.secrets.get("risk-pg", "password"))
    .load()
)
# g2l: review G2L103: the URL and credentials were in Glue connection "risk-pg": keep them in secret scope "risk-pg" (keys url, user, password) or change these options: as converted, the job reads them from there, and without them it fails and stops; Glue's bookmark of a JDBC table without jobBookmarkKeys follows its primary key (when it only grows or only shrinks): this reads every row on every run (an append target gets the earlier rows again): name that column in jobBookmarkKeys and convert again
limits = (
    spark.read.format("jdbc")
    .option("url", args["DB_URL"])
    .option("dbtable", "public.limits")
    .option("user", dbutils.secrets.get("risk-pg", "user"))
    .option("password", dbutils.secrets.get("risk-pg", "password"))
    .load()
)
job.commit()
