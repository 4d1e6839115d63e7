from awsglue.gluetypes import ArrayType, Field, StringType, StructType


def string_columns(schema):
    return [f.name for f in schema if isinstance(f.dataType, StringType)]


def add_field(schema, name):
    schema.add(Field(name, StringType()))
    return schema
