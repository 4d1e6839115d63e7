from framelib import DynamicFrame


# another library's DynamicFrame: not Glue's, so it stays
def clean(frame: DynamicFrame) -> DynamicFrame:
    if isinstance(frame, DynamicFrame):
        return frame.compact()
    return frame
