import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import SplitRows, SelectFromCollection
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

obligors = glueContext.create_dynamic_frame.from_catalog(database="credit", table_name="obligors")

# SME: turnover up to 50m; large corporates above
segments = SplitRows.apply(
    frame=obligors,
    comparison_dict={"annual_turnover": {"<=": 50000000}},
    name1="sme",
    name2="large_corporate",
)
sme = SelectFromCollection.apply(dfc=segments, key="sme")
large = SelectFromCollection.apply(dfc=segments, key="large_corporate")

glueContext.write_dynamic_frame.from_catalog(frame=sme, database="credit", table_name="obligors_sme")
glueContext.write_dynamic_frame.from_catalog(frame=large, database="credit", table_name="obligors_large_corporate")
job.commit()
