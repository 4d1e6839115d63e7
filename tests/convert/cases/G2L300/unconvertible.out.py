# g2l: converted from jobs/unconvertible.py
from awsglue.transforms import ApplyMapping
from awsglue.transforms import DropNullFields
from awsglue.transforms import FlatMap
from awsglue.transforms import MapToCollection


def fan_out(dfc, options):
    # g2l: review G2L300: MapToCollection applies a function to each frame of a DynamicFrameCollection (a dict of DataFrames now): as written, it fails on Databricks and the job stops: rewrite it as a dict comprehension
    each = MapToCollection.apply(dfc=dfc, callable=lambda frame, ctx: frame)
    # g2l: review G2L300: FlatMap applies a function to each frame of a DynamicFrameCollection (a dict of DataFrames now): as written, it fails on Databricks and the job stops: rewrite it as a dict comprehension
    flat = FlatMap.apply(dfc=dfc, BaseTransform=DropNullFields, frame_name="frame")
    # g2l: review G2L300: DropDuplicates has no DataFrame conversion: as written, it fails on Databricks and the job stops: rewrite it with DataFrame calls
    dedup = DropDuplicates.apply(frame=each)
    # g2l: review G2L300: ApplyMapping.apply: its arguments could not be read (*args, **kwargs or an unknown keyword): as written, it fails on Databricks and the job stops: convert it by hand
    mapped = ApplyMapping.apply(**options)
    return each, flat, dedup, mapped
