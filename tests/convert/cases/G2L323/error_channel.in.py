from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import *


def checked(raw: DynamicFrame):
    mapped = ApplyMapping.apply(frame=raw, mappings=[("id", "string", "id", "long")], stageThreshold=10,
                                totalThreshold=100)
    errors = mapped.errorsAsDynamicFrame()
    also = ErrorsAsDynamicFrame.apply(mapped)
    if mapped.stageErrorsCount() > 0 or mapped.errorsCount() > 5:
        raise RuntimeError("bad records")
    mapped.assertErrorThreshold()
    quiet = DropNullFields.apply(frame=mapped, stageThreshold=0, totalThreshold=0)
    return errors, also, quiet
