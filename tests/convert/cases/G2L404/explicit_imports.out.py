# g2l: converted from jobs/explicit_imports.py
from awsglue.gluetypes import Field
from pyspark.sql.types import ArrayType
from pyspark.sql.types import StringType
from pyspark.sql.types import StructType


def string_columns(schema):
    return [f.name for f in schema if isinstance(f.dataType, StringType)]


def add_field(schema, name):
    # g2l: review G2L404: Field is an AWS Glue type with no pyspark.sql.types namesake: rewrite this for the DataFrame's Spark schema
    schema.add(Field(name, StringType()))
    return schema
