from awsglue.gluetypes import ChoiceType, StringType


def drifting(frame):
    return [f.name for f in frame.schema().fields if isinstance(f.dataType, (ChoiceType, StringType))]
