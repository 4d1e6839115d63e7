# g2l: converted from jobs/noop_other_library_type.py
from framelib import DynamicFrame


# another library's DynamicFrame: not Glue's, so it stays
def clean(frame: DynamicFrame) -> DynamicFrame:
    if isinstance(frame, DynamicFrame):
        return frame.compact()
    return frame
