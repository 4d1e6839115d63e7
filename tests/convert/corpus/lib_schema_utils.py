"""Schema helpers for DynamicFrames whose sources drift (new columns, columns that change type)."""
from awsglue.dynamicframe import DynamicFrame
from awsglue.gluetypes import ChoiceType, StringType, StructType


def choice_columns(frame: DynamicFrame) -> list:
    """Top-level columns that arrived with more than one type."""
    return [field.name for field in frame.schema() if isinstance(field.dataType, ChoiceType)]


def string_columns(frame: DynamicFrame) -> list:
    return [field.name for field in frame.schema() if isinstance(field.dataType, StringType)]


def nested_columns(frame: DynamicFrame) -> list:
    return [field.name for field in frame.schema() if isinstance(field.dataType, StructType)]


def cast_choices_to_string(frame: DynamicFrame) -> DynamicFrame:
    specs = [(name, "cast:string") for name in choice_columns(frame)]
    return frame.resolveChoice(specs=specs) if specs else frame
