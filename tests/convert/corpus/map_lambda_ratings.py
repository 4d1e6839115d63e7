import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import Filter, Map
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

SCALE = ["AAA", "AA", "A", "BBB", "BB", "B", "CCC", "D"]

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

migrations = glueContext.create_dynamic_frame.from_catalog(database="credit", table_name="rating_history")


def notches(record):
    """Downgrades are positive notches."""
    before, after = record["rating_start"], record["rating_end"]
    record["notches"] = SCALE.index(after) - SCALE.index(before) if before in SCALE and after in SCALE else None
    return record


migrations = Map.apply(frame=migrations, f=notches)
downgrades = Filter.apply(frame=migrations, f=lambda r: r["notches"] is not None and r["notches"] > 0)
fallen_angels = Filter.apply(
    frame=downgrades, f=lambda r: r["rating_start"] in ("AAA", "AA", "A", "BBB") and r["rating_end"] in SCALE[4:]
)

glueContext.write_dynamic_frame.from_catalog(frame=downgrades, database="credit", table_name="rating_downgrades")
glueContext.write_dynamic_frame.from_catalog(frame=fallen_angels, database="credit", table_name="fallen_angels")
job.commit()
