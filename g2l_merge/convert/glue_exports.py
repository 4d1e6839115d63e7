"""What `from awsglue.<module> import *` binds, and where each of those names really comes from.

Facts read from the awsglue library's own source (github.com/awslabs/aws-glue-libs, branches glue-1.0 to
glue-5.0 and master; glue-0.9 lacks Union; a name one version binds is listed):

- awsglue/transforms/__init__.py sets `__all__ = [transform.__name__ for transform in ALL_TRANSFORMS]`: a star
  import binds the 22 transforms of ALL_TRANSFORMS only. Not GlueTransform, and not DynamicFrame, which the
  transform modules import but the package does not list.
- awsglue/__init__.py sets `__all__ = ['DynamicFrame']`.
- awsglue/context.py, dynamicframe.py, gluetypes.py, utils.py and job.py set no `__all__`: a star import binds
  every module-level name not starting with an underscore, the names those modules import included (context.py
  imports DynamicFrame, DataFrame, SparkSession, os, re, logging ...; utils.py imports Job).

Each bound name maps to its origin, the qualified name it is an alias of: `awsglue.context.DynamicFrame` is
`awsglue.dynamicframe.DynamicFrame`. A module outside awsglue (json, pyspark.sql.dataframe.DataFrame) is what
the converted file imports when its star import goes and the name is still used.
"""

from __future__ import annotations

_TRANSFORMS = (
    "ApplyMapping",
    "Coalesce",
    "DropFields",
    "DropNullFields",
    "ErrorsAsDynamicFrame",
    "Filter",
    "FlatMap",
    "Join",
    "Map",
    "MapToCollection",
    "Relationalize",
    "RenameField",
    "Repartition",
    "ResolveChoice",
    "SelectFields",
    "SelectFromCollection",
    "Spigot",
    "SplitFields",
    "SplitRows",
    "Union",
    "Unbox",
    "UnnestFrame",
)
GLUE_TYPES = (  # what awsglue/gluetypes.py defines (its own names, not the modules it imports)
    "DataType",
    "AtomicType",
    "BinaryType",
    "BooleanType",
    "ByteType",
    "DateType",
    "DecimalType",
    "DoubleType",
    "EnumType",
    "FloatType",
    "IntegerType",
    "LongType",
    "NullType",
    "ShortType",
    "StringType",
    "TimestampType",
    "TimestampNTZType",
    "UnknownType",
    "ArrayType",
    "SetType",
    "ChoiceType",
    "MapType",
    "Field",
    "StructType",
    "EntityType",
    "mergeDataTypes",
    "DynamicRecord",
)
_FRAME_CLASSES = ("DynamicFrame", "DynamicFrameCollection", "DynamicFrameReader", "DynamicFrameWriter")
_MODULES = ("json", "sys", "os", "re", "uuid", "time", "logging", "argparse", "traceback")


def _own(module: str, names: tuple[str, ...]) -> dict[str, str]:
    return {name: f"{module}.{name}" for name in names}


def _stdlib(*names: str) -> dict[str, str]:
    return {name: name for name in names}


# module -> {name a star import binds: its origin}
STAR_BINDS: dict[str, dict[str, str]] = {
    "awsglue": _own("awsglue.dynamicframe", ("DynamicFrame",)),
    "awsglue.transforms": _own("awsglue.transforms", _TRANSFORMS),
    "awsglue.dynamicframe": {
        **_own("awsglue.dynamicframe", (*_FRAME_CLASSES, "ResolveOption")),
        **_own("awsglue.utils", ("makeOptions", "callsite", "iteritems", "itervalues")),
        **_stdlib("json", "sys"),
        "print_function": "__future__.print_function",
        "RDD": "pyspark.rdd.RDD",
        "PipelinedRDD": "pyspark.rdd.PipelinedRDD",
        "DataFrame": "pyspark.sql.dataframe.DataFrame",
        "PickleSerializer": "pyspark.serializers.PickleSerializer",
        "BatchedSerializer": "pyspark.serializers.BatchedSerializer",
        "long": "int",
        "basestring": "str",
        "unicode": "str",
        "imap": "map",
        "ifilter": "filter",
    },
    "awsglue.context": {
        **_own("awsglue.context", ("GlueContext", "register")),
        **_own("awsglue.dynamicframe", _FRAME_CLASSES),
        **_own("awsglue.utils", ("makeOptions", "callsite")),
        "DataSource": "awsglue.data_source.DataSource",
        "StreamingDataSource": "awsglue.streaming_data_source.StreamingDataSource",
        "DataSink": "awsglue.data_sink.DataSink",
        "DataFrameReader": "awsglue.dataframereader.DataFrameReader",
        "DataFrameWriter": "awsglue.dataframewriter.DataFrameWriter",
        "DataType": "awsglue.gluetypes.DataType",
        "SQLContext": "pyspark.sql.SQLContext",
        "SparkSession": "pyspark.sql.SparkSession",
        "DataFrame": "pyspark.sql.dataframe.DataFrame",
        "StreamingQueryException": "pyspark.sql.utils.StreamingQueryException",  # glue-1.0 to glue-4.0
        "java_import": "py4j.java_gateway.java_import",
        "JavaClass": "py4j.java_gateway.JavaClass",
        "pyspark": "pyspark",
        **_stdlib("os", "re", "uuid", "time", "logging"),
    },
    "awsglue.gluetypes": {
        **_own("awsglue.gluetypes", GLUE_TYPES),
        "iteritems": "awsglue.utils.iteritems",
        "basestring": "str",
        "unicode": "str",
        **_stdlib("json", "sys"),
    },
    "awsglue.utils": {
        **_own("awsglue.utils", ("makeOptions", "callsite", "GlueArgumentError", "GlueArgumentParser")),
        **_own("awsglue.utils", ("getResolvedOptions", "iteritems", "itervalues")),
        "Job": "awsglue.job.Job",
        **_stdlib("argparse", "json", "traceback", "sys"),
    },
    "awsglue.job": {"Job": "awsglue.job.Job", "java_import": "py4j.java_gateway.java_import"},
}

# A module's own names imported explicitly from another awsglue module that re-exports them
# (`from awsglue.context import DynamicFrame`): the same objects, under their origin's name.
REEXPORTS: dict[str, str] = {
    f"{module}.{name}": origin
    for module, names in STAR_BINDS.items()
    for name, origin in names.items()
    if origin != f"{module}.{name}"
}
REEXPORTS.update(
    {
        "awsglue.data_source.DynamicFrame": "awsglue.dynamicframe.DynamicFrame",
        "awsglue.data_sink.DynamicFrame": "awsglue.dynamicframe.DynamicFrame",
        "awsglue.data_sink.DynamicFrameCollection": "awsglue.dynamicframe.DynamicFrameCollection",
    }
)

# Names scripts use after `from awsglue.transforms import *` alone although no awsglue star import binds them
# (see above; EvaluateDataQuality is awsgluedq's, DropDuplicates and FillMissingValues other packages'): on Glue
# such a use fails with NameError unless something else binds the name. The converter reads them as these.
ASSUMED_FROM_STAR = {
    "DynamicFrame": "awsglue.dynamicframe.DynamicFrame",
    "DynamicFrameCollection": "awsglue.dynamicframe.DynamicFrameCollection",
    **_own("awsglue.transforms", ("GlueTransform", "EvaluateDataQuality", "DropDuplicates", "FillMissingValues")),
    "FlatMapCollection": "awsglue.transforms.FlatMapCollection",
}

# Origins outside awsglue that a converted file can import itself: (module, object or None for `import module`).
IMPORTABLE_ORIGINS: dict[str, tuple[str, str | None]] = {
    "pyspark.sql.dataframe.DataFrame": ("pyspark.sql", "DataFrame"),
    "pyspark.sql.SQLContext": ("pyspark.sql", "SQLContext"),
    "pyspark.sql.SparkSession": ("pyspark.sql", "SparkSession"),
    "pyspark.sql.utils.StreamingQueryException": ("pyspark.sql.utils", "StreamingQueryException"),
    "pyspark.rdd.RDD": ("pyspark.rdd", "RDD"),
    "pyspark.rdd.PipelinedRDD": ("pyspark.rdd", "PipelinedRDD"),
    "pyspark": ("pyspark", None),
    **{name: (name, None) for name in _MODULES},
}


def canonical(qualified: str) -> str:
    """The origin of a qualified name that goes through an awsglue re-export; others as they are."""
    if not qualified.startswith("awsglue"):
        return qualified
    parts = qualified.split(".")
    for cut in range(len(parts), 1, -1):
        origin = REEXPORTS.get(".".join(parts[:cut]))
        if origin is not None:
            return ".".join([origin, *parts[cut:]])
    return qualified
