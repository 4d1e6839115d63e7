import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.gluetypes import *
from awsglue import DynamicFrame

def _find_null_fields(ctx, schema, path, output, nullStringSet, nullIntegerSet, frame):
    if isinstance(schema, StructType):
        for field in schema:
            new_path = path + "." if path != "" else path
            output = _find_null_fields(ctx, field.dataType, new_path + field.name, output, nullStringSet, nullIntegerSet, frame)
    elif isinstance(schema, ArrayType):
        if isinstance(schema.elementType, StructType):
            output = _find_null_fields(ctx, schema.elementType, path, output, nullStringSet, nullIntegerSet, frame)
    elif isinstance(schema, NullType):
        output.append(path)
    else:
        x, distinct_set = frame.toDF(), set()
        for i in x.select(path).distinct().collect():
            distinct_ = i[path.split('.')[-1]]
            if isinstance(distinct_, list):
                distinct_set |= set([item.strip() if isinstance(item, str) else item for item in distinct_])
            elif isinstance(distinct_, str) :
                distinct_set.add(distinct_.strip())
            else:
                distinct_set.add(distinct_)
        if isinstance(schema, StringType):
            if distinct_set.issubset(nullStringSet):
                output.append(path)
        elif isinstance(schema, IntegerType) or isinstance(schema, LongType) or isinstance(schema, DoubleType):
            if distinct_set.issubset(nullIntegerSet):
                output.append(path)
    return output

def drop_nulls(glueContext, frame, nullStringSet, nullIntegerSet, transformation_ctx) -> DynamicFrame:
    nullColumns = _find_null_fields(frame.glue_ctx, frame.schema(), "", [], nullStringSet, nullIntegerSet, frame)
    return DropFields.apply(frame=frame, paths=nullColumns, transformation_ctx=transformation_ctx)

args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Collateral Positions
CollateralPositions_node1712003000001 = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="collateral_positions", transformation_ctx="CollateralPositions_node1712003000001")

# Script generated for node Drop Null Fields
DropNullFields_node1712003000002 = drop_nulls(glueContext, frame=CollateralPositions_node1712003000001, nullStringSet={"", "null", "N/A"}, nullIntegerSet={-1}, transformation_ctx="DropNullFields_node1712003000002")

# Script generated for node Drop Fields
DropFields_node1712003000003 = DropFields.apply(frame=DropNullFields_node1712003000002, paths=["custodian_comment", "legacy_ref"], transformation_ctx="DropFields_node1712003000003")

# Script generated for node Collateral Clean
CollateralClean_node1712003000004 = glueContext.write_dynamic_frame.from_options(frame=DropFields_node1712003000003, connection_type="s3", format="glueparquet", connection_options={"path": "s3://bank-risk-curated/collateral_clean/", "partitionKeys": []}, format_options={"compression": "snappy"}, transformation_ctx="CollateralClean_node1712003000004")

job.commit()
