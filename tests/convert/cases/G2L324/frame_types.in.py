from typing import Optional

import awsglue.dynamicframe
from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection


def clean(frame: DynamicFrame, fallback: Optional[DynamicFrame] = None) -> DynamicFrame:
    if isinstance(frame, DynamicFrame) or fallback is None:
        return frame
    return fallback


def first(parts: DynamicFrameCollection, name: str) -> awsglue.dynamicframe.DynamicFrame:
    if not isinstance(parts, DynamicFrameCollection):
        raise TypeError(name)
    return parts[name]


def rebuilt(jdf, glue_ctx):
    return DynamicFrame(jdf, glue_ctx, "rebuilt")
