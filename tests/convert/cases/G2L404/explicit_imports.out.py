# g2l: converted from jobs/explicit_imports.py
from pyspark.sql.types import ArrayType
from pyspark.sql.types import StringType
from pyspark.sql.types import StructField
from pyspark.sql.types import StructType


def string_columns(schema):
    return [f.name for f in schema if isinstance(f.dataType, StringType)]


def add_field(schema, name):
    schema.add(StructField(name, StringType()))
    return schema
