"""What awsglue's star imports bind (glue_exports.py), against the library's source as read for it.

awsglue/transforms/__init__.py: `__all__` is the names of ALL_TRANSFORMS; awsglue/__init__.py: ['DynamicFrame'];
context.py, dynamicframe.py, gluetypes.py, utils.py and job.py have no `__all__` (every public module-level name).
"""

from __future__ import annotations

from g2l_merge.convert.glue_exports import ASSUMED_FROM_STAR, REEXPORTS, STAR_BINDS, canonical
from g2l_merge.convert.names import STAR_EXPORTS
from g2l_merge.convert.rules.boilerplate import _stand_in

ALL_TRANSFORMS = {
    "Unbox", "RenameField", "DropFields", "SplitFields", "SelectFields", "SplitRows", "UnnestFrame", "Relationalize",
    "SelectFromCollection", "MapToCollection", "ErrorsAsDynamicFrame", "FlatMap", "DropNullFields", "Join",
    "ApplyMapping", "Repartition", "ResolveChoice", "Spigot", "Filter", "Map", "Coalesce", "Union",
}  # fmt: skip


def test_the_transforms_star_import_binds_the_transforms_only() -> None:
    assert set(STAR_BINDS["awsglue.transforms"]) == ALL_TRANSFORMS
    assert "DynamicFrame" not in STAR_BINDS["awsglue.transforms"]
    assert "GlueTransform" not in STAR_BINDS["awsglue.transforms"]


def test_modules_without_all_bind_what_they_import() -> None:
    context = STAR_BINDS["awsglue.context"]
    assert context["DynamicFrame"] == "awsglue.dynamicframe.DynamicFrame"
    assert context["DataFrame"] == "pyspark.sql.dataframe.DataFrame"
    assert {"GlueContext", "os", "re", "time", "logging", "uuid", "SparkSession", "SQLContext"} <= set(context)
    assert "json" not in context  # context.py does not import json
    assert context["StreamingQueryException"] == "pyspark.sql.utils.StreamingQueryException"  # glue-1.0 to 4.0
    assert STAR_BINDS["awsglue.utils"]["Job"] == "awsglue.job.Job"
    assert {"getResolvedOptions", "GlueArgumentError"} <= set(STAR_BINDS["awsglue.utils"])
    assert {"Field", "StructType", "ChoiceType", "TimestampNTZType"} <= set(STAR_BINDS["awsglue.gluetypes"])
    assert STAR_BINDS["awsglue"] == {"DynamicFrame": "awsglue.dynamicframe.DynamicFrame"}
    assert not any(name.startswith("_") for names in STAR_BINDS.values() for name in names)


def test_reexports_resolve_to_their_origin() -> None:
    assert canonical("awsglue.context.DynamicFrame.fromDF") == "awsglue.dynamicframe.DynamicFrame.fromDF"
    assert canonical("awsglue.DynamicFrame") == "awsglue.dynamicframe.DynamicFrame"
    assert canonical("awsglue.utils.Job") == "awsglue.job.Job"
    assert canonical("awsglue.context.GlueContext") == "awsglue.context.GlueContext"
    assert canonical("pyspark.sql.DataFrame") == "pyspark.sql.DataFrame"
    assert "awsglue.context.GlueContext" not in REEXPORTS


def test_the_converter_recognises_every_star_import_it_removes() -> None:
    assert set(STAR_EXPORTS) == set(STAR_BINDS)
    assert not set(ASSUMED_FROM_STAR) & set(STAR_BINDS["awsglue.transforms"])


def test_what_binds_a_name_once_its_star_import_is_gone() -> None:
    assert _stand_in("os", "awsglue.context", "os") == (("os", None, None), None)
    assert _stand_in("DataFrame", "awsglue.context", "pyspark.sql.dataframe.DataFrame") == (
        ("pyspark.sql", "DataFrame", None),
        None,
    )
    assert _stand_in("basestring", "awsglue.gluetypes", "str") == (("builtins", "str", "basestring"), None)
    spec, note = _stand_in("ChoiceType", "awsglue.gluetypes", "awsglue.gluetypes.ChoiceType")
    assert spec == ("glue_compat", "ChoiceType", None)
    assert note is not None and "from awsglue.gluetypes import *" in note
    assert _stand_in("Join", "awsglue.transforms", "awsglue.transforms.Join") == (
        ("awsglue.transforms", "Join", None),
        None,
    )


def test_the_gluetypes_rule_reads_the_one_list_of_what_gluetypes_defines() -> None:
    from g2l_merge.convert.glue_exports import GLUE_TYPES
    from g2l_merge.convert.rules.studio import GLUE_TYPE_EXPORTS, RENAMED_TYPES, SAME_NAMED_TYPES

    assert frozenset(GLUE_TYPES) == GLUE_TYPE_EXPORTS
    assert SAME_NAMED_TYPES | set(RENAMED_TYPES) <= GLUE_TYPE_EXPORTS
