# g2l: converted from jobs/choice_stand_in.py
from pyspark.sql.types import StringType
from glue_compat import ChoiceType


def drifting(frame):
    # g2l: review G2L404: ChoiceType exists only in DynamicFrame schemas: a DataFrame column never has it, so as converted, glue_compat's stand-in matches nothing: simplify this check
    return [f.name for f in frame.schema().fields if isinstance(f.dataType, (ChoiceType, StringType))]
