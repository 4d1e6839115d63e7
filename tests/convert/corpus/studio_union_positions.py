import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.dynamicframe import DynamicFrame
from awsglue import DynamicFrame


def sparkUnion(glueContext, unionType, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(
        "(select * from source1) UNION " + unionType + " (select * from source2)"
    )
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Script generated for node EMEA positions
EMEApositions_node1712004000001 = glueContext.create_dynamic_frame.from_catalog(
    database="risk-raw",
    table_name="positions_emea",
    transformation_ctx="EMEApositions_node1712004000001",
)

# Script generated for node APAC positions
APACpositions_node1712004000002 = glueContext.create_dynamic_frame.from_catalog(
    database="risk-raw",
    table_name="positions_apac",
    transformation_ctx="APACpositions_node1712004000002",
)

# Script generated for node Union
Union_node1712004000003 = sparkUnion(
    glueContext,
    unionType="ALL",
    mapping={
        "source1": EMEApositions_node1712004000001,
        "source2": APACpositions_node1712004000002,
    },
    transformation_ctx="Union_node1712004000003",
)

# Script generated for node Drop Duplicates
DropDuplicates_node1712004000004 = DynamicFrame.fromDF(
    Union_node1712004000003.toDF().dropDuplicates(["position_id", "as_of_date"]),
    glueContext,
    "DropDuplicates_node1712004000004",
)

# Script generated for node Global positions
Globalpositions_node1712004000005 = glueContext.write_dynamic_frame.from_catalog(
    frame=DropDuplicates_node1712004000004,
    database="risk",
    table_name="positions_global",
    additional_options={"enableUpdateCatalog": True, "updateBehavior": "UPDATE_IN_DATABASE"},
    transformation_ctx="Globalpositions_node1712004000005",
)

job.commit()
