from awsglue.transforms import *


def fan_out(dfc, options):
    each = MapToCollection.apply(dfc=dfc, callable=lambda frame, ctx: frame)
    flat = FlatMap.apply(dfc=dfc, BaseTransform=DropNullFields, frame_name="frame")
    dedup = DropDuplicates.apply(frame=each)
    mapped = ApplyMapping.apply(**options)
    return each, flat, dedup, mapped
