import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

entities = glueContext.create_dynamic_frame.from_catalog(database="reference", table_name="legal_entities")
parents = glueContext.create_dynamic_frame.from_catalog(database="reference", table_name="ultimate_parents")

parents = RenameField.apply(frame=parents, old_name="lei", new_name="parent_lei")
hierarchy = Join.apply(frame1=entities, frame2=parents, keys1=["ultimate_parent_lei"], keys2=["parent_lei"])
hierarchy = SelectFields.apply(
    frame=hierarchy, paths=["lei", "legal_name", "country", "ultimate_parent_lei", "parent_legal_name"]
)
hierarchy = hierarchy.coalesce(4)

glueContext.write_dynamic_frame.from_catalog(frame=hierarchy, database="reference", table_name="counterparty_hierarchy")
job.commit()
